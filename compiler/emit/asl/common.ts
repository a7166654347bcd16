import type { StateNode } from "../../../src/ir/index.js";
import { copyFields, type FieldPair, headFields, inputFields, outputFields, transitionFields } from "../../asl/fields.js";
import type { AslObject } from "./context.js";
import { emitErrorHandling } from "./error-handling.js";

/**
 * Writes a state in the conventional ASL order: head, input, the kind's own `body`, output,
 * Retry/Catch, transition. Only fields the IR has are written, so nothing the user did not set appears.
 */
export function emitState(node: StateNode, kindFields: readonly FieldPair[], body?: (out: AslObject) => void): AslObject {
  const out: AslObject = { Type: node.kind };
  copyFields(node, out, headFields, "toAsl");
  copyFields(node, out, inputFields, "toAsl");
  copyFields(node, out, kindFields, "toAsl");
  body?.(out);
  copyFields(node, out, outputFields, "toAsl");
  if ("retry" in node || "catch" in node) emitErrorHandling(node, out);
  copyFields(node, out, transitionFields, "toAsl");
  return out;
}
