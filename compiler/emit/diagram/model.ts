import type { ConditionNode } from "../../../src/ir/condition.js";
import type { GraphNode } from "../../../src/ir/graph.js";
import type { StateKind, StateNode } from "../../../src/ir/state.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";

/**
 * A workflow as a picture, before any diagram syntax: nodes with the console's shapes, clusters
 * for Parallel and Map (holding their branches), and edges by kind. Both renderers draw this.
 */
export interface Diagram {
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly clusters: readonly Cluster[];
  readonly edges: readonly DiagramEdge[];
}

export type NodeKind = StateKind | "Start" | "End" | "Join";

export interface DiagramNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** The state name; empty for Start/End/Join markers. */
  readonly label: string;
  /** A second line: the retry policy of a Task, the error of a Fail (shortened). */
  readonly detail?: string;
  /** The whole text where the label or detail is shortened: an SVG shows it as the node's tooltip (`<title>`). */
  readonly title?: string;
  /** The cluster the node is drawn in (a Parallel branch or a Map's item processor). */
  readonly cluster?: string;
  /** The state it draws (none for Start/End/Join markers). */
  readonly state?: string;
  /** How an execution went through it, when the diagram draws a run. */
  readonly run?: { readonly status: "entered" | "failed" | "not entered" };
}

export interface Cluster {
  readonly id: string;
  readonly label: string;
  readonly kind: "Parallel" | "Map" | "Branch";
  readonly parent?: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: "next" | "choice" | "default" | "catch" | "branch";
  /** Shortened to a few words; the whole text is in `title`. */
  readonly label?: string;
  /** The whole label where it is shortened: an SVG shows it as the edge's tooltip (`<title>`). */
  readonly title?: string;
  /** The run went along it (when the diagram draws a run). */
  readonly taken?: boolean;
}

const symbols: Record<string, string> = { Equals: "==", LessThan: "<", GreaterThan: ">", LessThanEquals: "<=", GreaterThanEquals: ">=" };

/** A Choice rule as a short readable condition: `$.total > 100`, `$.a is present`. */
export function conditionText(condition: ConditionNode | string): string {
  if (typeof condition === "string") return condition.replace(/^\{%\s*|\s*%\}$/g, "");
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.conditions.map((c) => `(${conditionText(c)})`).join(` ${condition.kind} `);
    case "not":
      return `not (${conditionText(condition.condition)})`;
    case "comparison": {
      const test = /^Is(Null|Present|Numeric|String|Boolean|Timestamp)$/.exec(condition.operator);
      if (test) return `${condition.variable} ${condition.value === false ? "is not" : "is"} ${test[1]!.toLowerCase()}`;
      if (condition.operator === "StringMatches") return `${condition.variable} matches ${JSON.stringify(condition.value)}`;
      const match = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/.exec(
        condition.operator,
      );
      const op = match ? symbols[match[2]!] : condition.operator;
      const value = match?.[3] || typeof condition.value !== "string" ? String(condition.value) : JSON.stringify(condition.value);
      return `${condition.variable} ${op} ${value}`;
    }
  }
}

/** The longest label drawn on an edge, and the longest detail under a state's name: longer ones end in `…`. */
export const maxEdgeLabel = 32;
const maxDetail = 48;
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** An edge's label, shortened, with the whole text as its title where it was. */
function labelled(text: string): Pick<DiagramEdge, "label" | "title"> {
  const label = shorten(text, maxEdgeLabel);
  return label === text ? { label } : { label, title: text };
}

function retryText(state: StateNode): string | undefined {
  if (!("retry" in state) || !state.retry || state.retry.length === 0) return undefined;
  // ASL's default MaxAttempts is 3.
  const most = Math.max(...state.retry.map((r) => r.maxAttempts ?? 3));
  return `↻ up to ${most} ${most === 1 ? "retry" : "retries"}`;
}

/** The diagram of a workflow; ids are assigned in definition order, so the output is stable. */
export function diagramOf(workflow: WorkflowNode): Diagram {
  const nodes: DiagramNode[] = [];
  const clusters: Cluster[] = [];
  const edges: DiagramEdge[] = [];
  let counter = 0;
  const newId = (prefix: string) => `${prefix}${counter++}`;

  /** Draws a graph; returns the id its entry edge goes to and the ids whose flow ends it. */
  const drawGraph = (graph: GraphNode, cluster: string | undefined): { entry: string; exits: string[] } => {
    const ids = new Map<string, string>();
    const exits: string[] = [];
    for (const state of graph.states) {
      if (state.kind === "Parallel" || state.kind === "Map") {
        const clusterId = newId("c");
        clusters.push({ id: clusterId, label: `${state.kind}: ${state.name}`, kind: state.kind, ...(cluster ? { parent: cluster } : {}) });
        const head = newId("s");
        const detail = retryText(state);
        nodes.push({ id: head, kind: state.kind, label: state.name, ...(detail ? { detail } : {}), cluster: clusterId, state: state.name });
        const join = newId("j");
        const graphs = state.kind === "Parallel" ? state.branches : [state.itemProcessor];
        graphs.forEach((child, i) => {
          const branchId = newId("c");
          clusters.push({
            id: branchId,
            label: state.kind === "Parallel" ? `branch ${i + 1}` : "each item",
            kind: "Branch",
            parent: clusterId,
          });
          const drawn = drawGraph(child, branchId);
          edges.push({ from: head, to: drawn.entry, kind: "branch" });
          for (const exit of drawn.exits) edges.push({ from: exit, to: join, kind: "next" });
        });
        nodes.push({ id: join, kind: "Join", label: "", cluster: clusterId, state: state.name });
        ids.set(state.name, head);
        // Outgoing edges leave the cluster from its join point.
        ids.set(`${state.name}\u0000out`, join);
      } else {
        const id = newId("s");
        const detail = state.kind === "Fail" ? state.error : retryText(state);
        const shortDetail = detail && shorten(detail, maxDetail);
        nodes.push({
          id,
          kind: state.kind,
          label: state.name,
          ...(shortDetail ? { detail: shortDetail } : {}),
          ...(detail && shortDetail !== detail ? { title: `${state.name}\n${detail}` } : {}),
          ...(cluster ? { cluster } : {}),
          state: state.name,
        });
        ids.set(state.name, id);
      }
    }
    const out = (name: string) => ids.get(`${name}\u0000out`) ?? ids.get(name)!;
    for (const state of graph.states) {
      const from = out(state.name);
      if ("next" in state && state.next) edges.push({ from, to: ids.get(state.next)!, kind: "next" });
      if ("end" in state && state.end) exits.push(from);
      if (state.kind === "Succeed" || state.kind === "Fail") exits.push(from);
      if (state.kind === "Choice") {
        for (const rule of state.choices)
          edges.push({ from, to: ids.get(rule.next)!, kind: "choice", ...labelled(conditionText(rule.condition)) });
        if (state.default) edges.push({ from, to: ids.get(state.default)!, kind: "default", label: "otherwise" });
      }
      for (const catcher of "catch" in state ? (state.catch ?? []) : []) {
        edges.push({ from, to: ids.get(catcher.next)!, kind: "catch", ...labelled(catcher.errorEquals.join(", ")) });
      }
    }
    return { entry: ids.get(graph.startAt)!, exits };
  };

  const start = newId("start");
  nodes.push({ id: start, kind: "Start", label: "" });
  const startEdge = edges.push({ from: start, to: "", kind: "next" }) - 1;
  const drawn = drawGraph(workflow, undefined);
  const end = newId("end");
  nodes.push({ id: end, kind: "End", label: "" });
  edges[startEdge] = { from: start, to: drawn.entry, kind: "next" };
  for (const exit of drawn.exits) edges.push({ from: exit, to: end, kind: "next" });
  return { title: workflow.name, nodes, clusters, edges };
}
