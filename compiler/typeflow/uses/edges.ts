import type { SourceSpan } from "../../../src/ir/source.js";
import { statesOf } from "../../../src/ir/walk.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";

/** An edge as the user wrote it: the type-flow checks look up what flows along it where it was written. */
export interface DataEdge {
  readonly from: string;
  readonly to: string;
  readonly via: "next" | "rule" | "item" | "catch";
  readonly source: SourceSpan;
  /** For `catch`: which of the step's catchers, by its place in the step's Catch list. */
  readonly catcher?: number;
  /** For `rule`: which of the Choice's rules, by its place (none for `.otherwise`). */
  readonly rule?: number;
  /** For `next`: the first state of the chain `.next` was called on; TypeScript types what it hands on from that state's input. */
  readonly chainStart?: string;
}

/**
 * Every edge of a workflow that was written in code, nested graphs included, from where the IR
 * says each `.next`, `.catch`, `.when`, `.otherwise` and `.process` was called (an imported or
 * hand-written definition has none: nothing to look up).
 */
export function dataEdgesOf(ir: WorkflowNode): DataEdge[] {
  const edges: DataEdge[] = [];
  for (const { state } of statesOf(ir)) {
    const from = state.name;
    if ("nextSources" in state && state.next !== undefined)
      for (const { source, chainStart } of state.nextSources ?? [])
        edges.push({ from, to: state.next, via: "next", source, ...(chainStart !== undefined ? { chainStart } : {}) });
    if ("catch" in state)
      for (const [catcher, c] of (state.catch ?? []).entries())
        if (c.source) edges.push({ from, to: c.next, via: "catch", catcher, source: c.source });
    if (state.kind === "Choice") {
      for (const [rule, r] of state.choices.entries()) if (r.source) edges.push({ from, to: r.next, via: "rule", rule, source: r.source });
      if (state.default !== undefined && state.defaultSource)
        edges.push({ from, to: state.default, via: "rule", source: state.defaultSource });
    }
    if (state.kind === "Map" && state.itemProcessor.source)
      edges.push({ from, to: state.itemProcessor.startAt, via: "item", source: state.itemProcessor.source });
  }
  return edges;
}
