import { successorsOf } from "../ir/successors.js";
import type { GraphNode } from "../ir/graph.js";
import type { StateNode } from "../ir/state.js";
import type { NextSource } from "../ir/state-base.js";
import type { SourceSpan } from "../ir/source.js";
import type { ChainData, ChainPart, StepDraft } from "../steps/draft.js";
import type { LowerContext } from "./context.js";
import { lowerChoice } from "./choice.js";
import { lowerFail } from "./fail.js";
import { lowerMap } from "./map.js";
import { lowerParallel } from "./parallel.js";
import { lowerPass } from "./pass.js";
import { problemCodes } from "./problem.js";
import { lowerSucceed } from "./succeed.js";
import { lowerTask } from "./task.js";
import { lowerWait } from "./wait.js";

interface Edge {
  readonly from: StepDraft;
  readonly to: StepDraft;
  readonly chainStart?: StepDraft;
  readonly source?: SourceSpan;
}

/** Every step and edge of a chain, each once, in the order they were written. */
function flatten(chain: ChainData): { steps: StepDraft[]; edges: Edge[] } {
  const steps: StepDraft[] = [];
  const edges: Edge[] = [];
  const seenSteps = new Set<StepDraft>();
  const seenChains = new Set<ChainData>([chain]);
  // Iterative depth-first walk, so a chain of thousands of `.next` calls cannot exhaust the stack.
  const stack: { parts: readonly ChainPart[]; index: number }[] = [{ parts: chain.parts, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.parts.length) {
      stack.pop();
      continue;
    }
    const part = top.parts[top.index++]!;
    if (part.kind === "chain") {
      if (!seenChains.has(part.chain)) {
        seenChains.add(part.chain);
        stack.push({ parts: part.chain.parts, index: 0 });
      }
    } else if (part.kind === "step") {
      if (!seenSteps.has(part.step)) {
        seenSteps.add(part.step);
        steps.push(part.step);
      }
    } else edges.push(part);
  }
  return { steps, edges };
}

function lowerState(draft: StepDraft, ctx: LowerContext): StateNode {
  switch (draft.kind) {
    case "Task":
      return lowerTask(draft, ctx);
    case "Pass":
      return lowerPass(draft, ctx);
    case "Choice":
      return lowerChoice(draft, ctx);
    case "Wait":
      return lowerWait(draft, ctx);
    case "Succeed":
      return lowerSucceed(draft, ctx);
    case "Fail":
      return lowerFail(draft, ctx);
    case "Parallel":
      return lowerParallel(draft, ctx);
    case "Map":
      return lowerMap(draft, ctx);
  }
}

/**
 * A state's definition without where it was written, as comparable text (keys sorted): its own
 * place, its `.next` calls', and its catchers', rules' and item processor's (a request's own
 * `source` field is data, and stays).
 */
function definitionKey(state: StateNode): string {
  const { source: _s, nextSources: _n, defaultSource: _d, ...rest } = state as StateNode & Partial<Record<string, unknown>>;
  const unplaced = <T extends object>(parts: readonly T[] | undefined) =>
    parts?.map(({ source: _, ...part }: T & { source?: unknown }) => part);
  const parts = {
    ...rest,
    ...("catch" in state && state.catch ? { catch: unplaced(state.catch) } : {}),
    ...(state.kind === "Choice" ? { choices: unplaced(state.choices) } : {}),
    ...(state.kind === "Map" ? { itemProcessor: { ...state.itemProcessor, source: undefined } } : {}),
  };
  return JSON.stringify(parts, (_, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export function lowerGraph(chain: ChainData, ctx: LowerContext): GraphNode {
  const { steps: written, edges } = flatten(chain);
  // A step chained to in an earlier version (a loop back to a step still being configured) is its latest version.
  const earlier = new Set<StepDraft>();
  for (const draft of written) for (let p = draft.previous; p && !earlier.has(p); p = p.previous) earlier.add(p);
  const steps = written.filter((draft) => !earlier.has(draft));
  const nextByName = new Map<string, Edge>();
  const nextSources = new Map<string, NextSource[]>();
  for (const edge of edges) {
    if (edge.source) {
      const written = { source: edge.source, ...(edge.chainStart ? { chainStart: edge.chainStart.name } : {}) };
      nextSources.set(edge.from.name, [...(nextSources.get(edge.from.name) ?? []), written]);
    }
    const known = nextByName.get(edge.from.name);
    if (!known) nextByName.set(edge.from.name, edge);
    else if (known.to.name !== edge.to.name) {
      ctx.problems.push({
        code: problemCodes.conflictingNext,
        message: `Step "${edge.from.name}" continues to both "${known.to.name}" and "${edge.to.name}"; a step has one next step (use a Choice to branch).`,
        step: edge.from.name,
        ...(edge.source ? { source: edge.source } : {}),
      });
    }
  }

  const byName = new Map<string, StateNode[]>();
  for (const draft of steps) {
    const lowered = lowerState(draft, ctx);
    const next = nextByName.get(draft.name);
    const terminal = draft.kind === "Succeed" || draft.kind === "Fail" || draft.kind === "Choice";
    const sources = nextSources.get(draft.name);
    const transition = { ...(next ? { next: next.to.name } : { end: true }), ...(sources ? { nextSources: sources } : {}) };
    const state = (terminal ? lowered : { ...lowered, ...transition }) as StateNode;
    const same = byName.get(draft.name) ?? [];
    // The same definition written twice (e.g. succeed("Done") in two branches) is one state.
    if (!same.some((s) => definitionKey(s) === definitionKey(state))) same.push(state);
    byName.set(draft.name, same);
  }

  // Depth-first from the start, Next before branches, so each path reads top to bottom.
  const ordered: StateNode[] = [];
  const visited = new Set<string>();
  const stack = [chain.start.name];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (visited.has(name) || !byName.has(name)) continue;
    visited.add(name);
    for (const state of byName.get(name)!) {
      ordered.push(state);
      stack.push(...successorsOf(state).reverse());
    }
  }
  // Unreachable states stay in the graph (after the reachable ones) so the checks can name them.
  for (const [name, states] of byName) if (!visited.has(name)) ordered.push(...states);
  return { startAt: chain.start.name, states: ordered };
}
