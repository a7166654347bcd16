import type { QueryLanguage } from "./query-language.js";
import type { StateNode } from "./state.js";

/** A set of states with a start: the body of a workflow, a Parallel branch or a Map item processor. */
export interface GraphNode {
  readonly startAt: string;
  /** In a stable order (discovery order from `startAt`), so output is deterministic. */
  readonly states: readonly StateNode[];
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
}
