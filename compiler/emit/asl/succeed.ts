import type { SucceedNode } from "../../../src/ir/index.js";
import { emitState } from "./common.js";
import type { AslObject } from "./context.js";

export function emitSucceed(node: SucceedNode): AslObject {
  return emitState(node, []);
}
