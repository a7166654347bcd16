import type { OutputTemplate, PathFiltering, StateBase, Transition } from "./state-base.js";

/** A Wait state: exactly one of the four ways to say how long. */
export interface WaitNode extends StateBase, Transition, PathFiltering, OutputTemplate {
  readonly kind: "Wait";
  /** A number, or a JSONata `{% %}` expression. */
  readonly seconds?: number | string;
  readonly timestamp?: string;
  readonly secondsPath?: string;
  readonly timestampPath?: string;
}
