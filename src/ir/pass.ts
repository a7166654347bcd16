import type { JsonValue } from "./json.js";
import type { OutputTemplate, PathFiltering, StateBase, Transition } from "./state-base.js";

/** A Pass state: passes its input on, optionally replaced by `result` or reshaped by `parameters`. */
export interface PassNode extends StateBase, Transition, PathFiltering, OutputTemplate {
  readonly kind: "Pass";
  readonly result?: JsonValue;
  readonly parameters?: JsonValue;
  readonly resultPath?: string | null;
}
