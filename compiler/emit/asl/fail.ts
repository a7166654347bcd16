import type { FailNode } from "../../../src/ir/index.ts";
import { failFields } from "../../asl/fields.ts";
import { emitState } from "./common.ts";
import type { AslObject } from "./context.ts";

export function emitFail(node: FailNode): AslObject {
  return emitState(node, failFields);
}
