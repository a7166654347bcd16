import type { FailNode } from "../../../src/ir/index.js";
import { failFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslObject } from "./context.js";

export function emitFail(node: FailNode): AslObject {
  return emitState(node, failFields);
}
