import type { GraphNode } from "./graph.ts";
import type { JsonValue } from "./json.ts";
import type { ErrorHandling, OutputTemplate, PathFiltering, ResultHandling, StateBase, Transition } from "./state-base.ts";

/** A Parallel state: runs every branch on the same input; its result is the array of branch outputs. */
export interface ParallelNode extends StateBase, Transition, PathFiltering, OutputTemplate, ResultHandling, ErrorHandling {
  readonly kind: "Parallel";
  readonly branches: readonly GraphNode[];
  readonly parameters?: JsonValue;
  readonly arguments?: JsonValue;
}
