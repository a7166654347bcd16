import type { GraphNode } from "../../src/ir/graph.js";
import type { StateNode } from "../../src/ir/state.js";
import { add, type Formula, number, pick, times } from "./formula.js";

/** State transitions per execution: the cheapest and the dearest path, and the retries on the dearest at most. */
export interface Transitions {
  readonly min: Formula;
  readonly max: Formula;
  /** Each retry is one more transition: at most this many, on the dearest path (MaxAttempts, 3 when unset). */
  readonly retries: Formula;
}

const none: Transitions = {
  min: number(0),
  max: number(0),
  retries: number(0),
};
const sum = (a: Transitions, b: Transitions): Transitions => ({
  min: add(a.min, b.min),
  max: add(a.max, b.max),
  retries: add(a.retries, b.retries),
});

/** Transitions repeated a number of times only a run knows (`items(...)`, `loops(...)`). */
const timesCount = (t: Transitions, count: string): Transitions => ({
  min: times(t.min, count),
  max: times(t.max, count),
  retries: times(t.retries, count),
});

function retriesOf(state: StateNode): number {
  return "retry" in state && state.retry ? state.retry.reduce((n, r) => n + (r.maxAttempts ?? 3), 0) : 0;
}

/** The transitions of entering one state once: 1, and for Parallel and Map what runs inside them. */
function own(state: StateNode): Transitions {
  const one: Transitions = {
    min: number(1),
    max: number(1),
    retries: number(retriesOf(state)),
  };
  if (state.kind === "Parallel") return state.branches.map(graphTransitions).reduce(sum, one);
  if (state.kind !== "Map") return one;
  return sum(one, timesCount(graphTransitions(state.itemProcessor), `items(${state.name})`));
}

/**
 * The transitions of a graph (a workflow, a branch, a Map's item processor), from its start to any
 * end. Choice rules and defaults are the paths; a catcher's path is not counted (an error path).
 * A loop (an edge back to a state on the way) goes round `loops(<its first state>)` more times,
 * each round costing what its states cost once.
 */
export function graphTransitions(graph: GraphNode): Transitions {
  const byName = new Map(graph.states.map((s) => [s.name, s]));
  const memo = new Map<string, Transitions>();
  const onPath: string[] = [];
  let loops: Transitions = none;

  const from = (name: string): Transitions => {
    const known = memo.get(name);
    if (known) return known;
    const state = byName.get(name);
    if (!state) return none;
    onPath.push(name);
    const paths = normalNext(state).flatMap((next) => {
      const back = onPath.indexOf(next);
      if (back < 0) return [from(next)];
      // A loop: the states from `next` to here go round again, `loops(next)` times.
      const round = onPath
        .slice(back)
        .map((n) => own(byName.get(n)!))
        .reduce(sum, none);
      loops = sum(loops, timesCount(round, `loops(${next})`));
      return [];
    });
    onPath.pop();
    const rest = paths.length === 0 ? none : cheapestAndDearest(paths);
    const total = sum(own(state), rest);
    memo.set(name, total);
    return total;
  };
  return sum(from(graph.startAt), loops);
}

/** Of several paths on: the cheapest's minimum, the dearest's maximum and its retries. */
function cheapestAndDearest(paths: readonly Transitions[]): Transitions {
  const dearest = paths.reduce((a, b) => (pick(a.max, b.max, "max") === a.max ? a : b));
  return {
    min: paths.map((p) => p.min).reduce((a, b) => pick(a, b, "min")),
    max: dearest.max,
    retries: dearest.retries,
  };
}

/** Where a state goes when it does not fail: Next, a Choice's rules and default. */
function normalNext(state: StateNode): string[] {
  if (state.kind === "Choice") return [...state.choices.map((c) => c.next), ...(state.default ? [state.default] : [])];
  return "next" in state && state.next ? [state.next] : [];
}
