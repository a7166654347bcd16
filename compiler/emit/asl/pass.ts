import type { PassNode } from "../../../src/ir/index.ts";
import { passFields } from "../../asl/fields.ts";
import { emitState } from "./common.ts";
import type { AslObject } from "./context.ts";

export function emitPass(node: PassNode): AslObject {
  return emitState(node, passFields);
}
