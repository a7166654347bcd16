import type { WorkflowNode } from "../../../src/ir/workflow.js";
import type { LocalRun } from "../../run/local.js";
import { type Diagram, type DiagramEdge, type DiagramNode, diagramOf } from "./model.js";

/** What a run leaves on the diagram: the states it entered, how often, and where it failed. */
export type RunTrail = Pick<LocalRun, "path" | "retried" | "caughtErrors" | "failedState">;

function counts(names: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const name of names) found.set(name, (found.get(name) ?? 0) + 1);
  return found;
}

/**
 * The workflow's diagram with a run drawn on it: each state entered with how many times (and
 * retries), the state where a failed run stopped, the states never entered, the edges taken, and
 * on a catcher's edge the error it caught.
 */
export function runDiagramOf(workflow: WorkflowNode, run: RunTrail): Diagram {
  const diagram = diagramOf(workflow);
  const entries = counts(run.path);
  const retries = counts(run.retried);
  const steps = new Set(run.path.slice(1).map((to, i) => `${run.path[i]}\u0000${to}`));
  const caught = new Map<string, string[]>();
  for (const { state, error } of run.caughtErrors) caught.set(state, [...(caught.get(state) ?? []), error].filter(Boolean));
  const stateOf = new Map(diagram.nodes.map((n) => [n.id, n.state]));
  const kindOf = new Map(diagram.nodes.map((n) => [n.id, n.kind]));

  const nodes = diagram.nodes.map((node): DiagramNode => {
    if (!node.state || node.kind === "Join") return node;
    const entered = entries.get(node.state) ?? 0;
    const retried = retries.get(node.state) ?? 0;
    const failed = node.state === run.failedState;
    const trail =
      entered === 0
        ? "not entered"
        : [`entered ${entered}×`, retried > 0 ? `retried ${retried}×` : "", failed ? "failed here" : ""].filter(Boolean).join(" · ");
    return {
      ...node,
      detail: node.detail ? `${node.detail} · ${trail}` : trail,
      run: { status: failed ? "failed" : entered > 0 ? "entered" : "not entered" },
    };
  });
  const last = run.path.at(-1);
  const edges = diagram.edges.map((edge): DiagramEdge => {
    const from = stateOf.get(edge.from);
    const to = stateOf.get(edge.to);
    const taken =
      kindOf.get(edge.from) === "Start"
        ? to === run.path[0]
        : kindOf.get(edge.to) === "End"
          ? run.failedState === undefined && from !== undefined && from === last
          : from !== undefined &&
            to !== undefined &&
            (steps.has(`${from}\u0000${to}`) || (edge.kind === "branch" && (entries.get(to) ?? 0) > 0));
    if (!taken) return edge;
    const errors = edge.kind === "catch" && from ? (caught.get(from) ?? []) : [];
    return { ...edge, taken, ...(errors.length > 0 ? { label: `caught ${[...new Set(errors)].join(", ")}` } : {}) };
  });
  return {
    ...diagram,
    title: `${diagram.title} (${run.failedState === undefined ? "succeeded" : `failed at ${run.failedState}`})`,
    nodes,
    edges,
  };
}
