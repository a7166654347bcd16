import type { PassNode } from "../../../src/ir/index.js";
import { passFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslObject } from "./context.js";

export function emitPass(node: PassNode): AslObject {
  return emitState(node, passFields);
}
