import type { OutputTemplate, PathFiltering, StateBase } from "./state-base.js";

/** A Succeed state: ends the execution (or branch) successfully. */
export interface SucceedNode extends StateBase, PathFiltering, OutputTemplate {
  readonly kind: "Succeed";
}
