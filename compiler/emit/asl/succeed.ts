import type { SucceedNode } from "../../../src/ir/index.ts";
import { emitState } from "./common.ts";
import type { AslObject } from "./context.ts";

export function emitSucceed(node: SucceedNode): AslObject {
  return emitState(node, []);
}
