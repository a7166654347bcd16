import type { WaitNode } from "../../../src/ir/index.js";
import { waitFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslObject } from "./context.js";

export function emitWait(node: WaitNode): AslObject {
  return emitState(node, waitFields);
}
