import type { GraphNode } from "./graph.js";
import type { JsonValue } from "./json.js";
import type { ErrorHandling, OutputTemplate, PathFiltering, ResultHandling, StateBase, Transition } from "./state-base.js";

/** A Parallel state: runs every branch on the same input; its result is the array of branch outputs. */
export interface ParallelNode extends StateBase, Transition, PathFiltering, OutputTemplate, ResultHandling, ErrorHandling {
  readonly kind: "Parallel";
  readonly branches: readonly GraphNode[];
  readonly parameters?: JsonValue;
  readonly arguments?: JsonValue;
}
