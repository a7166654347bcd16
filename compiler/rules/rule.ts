import type { Code } from "../base/catalogue.js";
import type { StateNode } from "../../src/ir/state.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
export { successorsOf } from "../../src/ir/successors.js";
export { childGraphs, endsGraph, graphsOf, type StateScope, statesOf } from "../../src/ir/walk.js";

/** What a rule sees: the workflow's IR and, when it could be emitted, its ASL text. */
export interface RuleContext {
  readonly workflow: WorkflowNode;
  readonly aslText?: string;
}

/** A rule's finding: a message about one state (for its position and name), or the whole workflow. */
export interface Finding {
  readonly message: string;
  readonly state?: StateNode;
  /** The states the finding names, when more than `state`. */
  readonly steps?: readonly string[];
}

/** A check TypeScript cannot do. One per file, each with a stable SW2xxx code (its severity in the catalogue) and its tests. */
export interface Rule {
  readonly code: Code;
  /** kebab-case, as the rule's file is named. */
  readonly name: string;
  check(context: RuleContext): Finding[];
}
