import type { StateNode } from "./state.js";

/** The states a state can go to next in its own graph: Next, Choice rules and Default, Catch. */
export function successorsOf(state: StateNode): string[] {
  const out: string[] = [];
  if ("next" in state && state.next) out.push(state.next);
  if (state.kind === "Choice") {
    out.push(...state.choices.map((c) => c.next));
    if (state.default) out.push(state.default);
  }
  if ("catch" in state && state.catch) out.push(...state.catch.map((c) => c.next));
  return out;
}
