import type { JsonValue } from "./json.ts";
import type { OutputTemplate, PathFiltering, StateBase, Transition } from "./state-base.ts";

/** A Pass state: passes its input on, optionally replaced by `result` or reshaped by `parameters`. */
export interface PassNode extends StateBase, Transition, PathFiltering, OutputTemplate {
  readonly kind: "Pass";
  readonly result?: JsonValue;
  readonly parameters?: JsonValue;
  readonly resultPath?: string | null;
}
