import type { StateBase } from "./state-base.js";

/** A Fail state: ends the execution with an error and cause, literal or read from a path. */
export interface FailNode extends StateBase {
  readonly kind: "Fail";
  readonly error?: string;
  readonly errorPath?: string;
  readonly cause?: string;
  readonly causePath?: string;
}
