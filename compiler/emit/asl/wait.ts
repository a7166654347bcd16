import type { WaitNode } from "../../../src/ir/index.ts";
import { waitFields } from "../../asl/fields.ts";
import { emitState } from "./common.ts";
import type { AslObject } from "./context.ts";

export function emitWait(node: WaitNode): AslObject {
  return emitState(node, waitFields);
}
