import type { WorkflowNode } from "../../../src/ir/workflow.js";
import type { LocalRun } from "../../run/local.js";
import { type Diagram, type DiagramEdge, type DiagramNode, diagramOf } from "./model.js";

/** What a run leaves on the diagram: the states it entered, how often, and where it failed. */
export type RunTrail = Pick<LocalRun, "path" | "retried" | "caughtErrors" | "failedState" | "trace">;

function counts(names: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const name of names) found.set(name, (found.get(name) ?? 0) + 1);
  return found;
}

/** Each state entered with how many times (and retries), the state where a failed run stopped, the states never entered. */
function markNodes(diagram: Diagram, run: RunTrail, entries: ReadonlyMap<string, number>): DiagramNode[] {
  const retries = counts(run.retried);
  return diagram.nodes.map((node): DiagramNode => {
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
}

/** The edges the run went along, marked taken (into and out of a Parallel's or Map's join too); a catcher's edge labelled with what it caught. */
function markEdges(diagram: Diagram, run: RunTrail, entries: ReadonlyMap<string, number>): DiagramEdge[] {
  const entered = (state: string | undefined) => state !== undefined && (entries.get(state) ?? 0) > 0;
  const steps = new Set(run.path.slice(1).map((to, i) => `${run.path[i]}\u0000${to}`));
  /** The errors each state's catchers caught, in order. */
  const caught = new Map<string, string[]>();
  for (const { state, error } of run.caughtErrors) caught.set(state, [...(caught.get(state) ?? []), error]);
  /** States that finished with an output at least once (not failed, not caught). */
  const exited = new Set(run.trace.filter((e) => e.type === "StateExited").map((e) => e.state));
  const stateOf = new Map(diagram.nodes.map((n) => [n.id, n.state]));
  const kindOf = new Map(diagram.nodes.map((n) => [n.id, n.kind]));
  const last = run.path.at(-1);
  /** An edge out of a Parallel's or Map's join: the state finished (or was caught), and went there. */
  const leftJoin = (state: string, edge: DiagramEdge, to: string | undefined): boolean => {
    if (edge.kind === "catch") return caught.has(state) && entered(to);
    return exited.has(state) && (kindOf.get(edge.to) === "End" ? run.failedState === undefined : entered(to));
  };
  const taken = (edge: DiagramEdge, from: string | undefined, to: string | undefined): boolean => {
    if (kindOf.get(edge.from) === "Start") return to === run.path[0];
    if (from === undefined) return false;
    if (kindOf.get(edge.from) === "Join") return leftJoin(from, edge, to);
    // A branch's last state hands its output to the join, where it finishes (a Fail never does).
    if (kindOf.get(edge.to) === "Join") return exited.has(from);
    if (kindOf.get(edge.to) === "End") return run.failedState === undefined && from === last;
    return to !== undefined && (steps.has(`${from}\u0000${to}`) || (edge.kind === "branch" && entered(to)));
  };
  return diagram.edges.map((edge): DiagramEdge => {
    const from = stateOf.get(edge.from);
    if (!taken(edge, from, stateOf.get(edge.to))) return edge;
    const errors = edge.kind === "catch" && from ? (caught.get(from) ?? []).filter(Boolean) : [];
    return { ...edge, taken: true, ...(errors.length > 0 ? { label: `caught ${[...new Set(errors)].join(", ")}` } : {}) };
  });
}

/**
 * The workflow's diagram with a run drawn on it: each state entered with how many times (and
 * retries), the state where a failed run stopped, the states never entered, the edges taken (into
 * and out of a Parallel's or Map's join too), and on a catcher's edge the error it caught.
 */
export function runDiagramOf(workflow: WorkflowNode, run: RunTrail): Diagram {
  const diagram = diagramOf(workflow);
  const entries = counts(run.path);
  return {
    ...diagram,
    title: `${diagram.title} (${run.failedState === undefined ? "succeeded" : `failed at ${run.failedState}`})`,
    nodes: markNodes(diagram, run, entries),
    edges: markEdges(diagram, run, entries),
  };
}
