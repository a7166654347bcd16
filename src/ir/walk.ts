import type { GraphNode } from "./graph.js";
import { oncePerNode } from "./once-per-node.js";
import type { QueryLanguage } from "./query-language.js";
import type { StateNode } from "./state.js";
import type { WorkflowNode } from "./workflow.js";

/** Where a state sits: its graph, the Map and Parallel states around it, and how it runs. */
export interface StateScope {
  readonly graph: GraphNode;
  readonly enclosing: readonly StateNode[];
  /** The query language the state is written in (its own, else its graph's, else the workflow's). */
  readonly queryLanguage: QueryLanguage;
  /** True when the state runs in an Express execution (the workflow, or a Distributed Map's EXPRESS children). */
  readonly express: boolean;
}

/** Sub-graphs of a state: Parallel branches and a Map's item processor. */
export function childGraphs(state: StateNode): readonly GraphNode[] {
  if (state.kind === "Parallel") return state.branches;
  if (state.kind === "Map") return [state.itemProcessor];
  return [];
}

/** Every state of the workflow, nested ones included, in definition order, with its scope (found once: every rule walks them). */
export const statesOf: (workflow: WorkflowNode) => readonly { readonly state: StateNode; readonly scope: StateScope }[] =
  oncePerNode(findStates);

function findStates(workflow: WorkflowNode): { state: StateNode; scope: StateScope }[] {
  const found: { state: StateNode; scope: StateScope }[] = [];
  const visit = (graph: GraphNode, enclosing: readonly StateNode[], language: QueryLanguage, express: boolean) => {
    const graphLanguage = graph.queryLanguage ?? language;
    for (const state of graph.states) {
      const scope = { graph, enclosing, queryLanguage: state.queryLanguage ?? graphLanguage, express };
      found.push({ state, scope });
      for (const child of childGraphs(state)) {
        const childExpress =
          state.kind === "Map" && state.itemProcessor.processorConfig?.mode === "DISTRIBUTED"
            ? state.itemProcessor.processorConfig.executionType === "EXPRESS"
            : express;
        visit(child, [...enclosing, state], scope.queryLanguage, childExpress);
      }
    }
  };
  visit(workflow, [], workflow.queryLanguage ?? "JSONPath", workflow.type === "EXPRESS");
  return found;
}

/** Every graph of the workflow: the top level, Parallel branches and Map item processors. */
export function graphsOf(workflow: WorkflowNode): GraphNode[] {
  return [workflow, ...statesOf(workflow).flatMap(({ state }) => childGraphs(state))];
}

/** True for states that end their graph: Succeed, Fail, or `End: true`. */
export function endsGraph(state: StateNode): boolean {
  return state.kind === "Succeed" || state.kind === "Fail" || ("end" in state && state.end === true);
}
