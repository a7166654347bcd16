import type { StateNode } from "../../src/ir/state.js";
import { type Finding, graphsOf, type Rule, successorsOf } from "./rule.js";

/** ASL: every state is reachable from its graph's StartAt (AWS rejects a definition with orphans). */
export const reachableStates: Rule = {
  code: "SW2003",
  name: "reachable-states",
  check({ workflow }) {
    const findings: Finding[] = [];
    for (const graph of graphsOf(workflow)) {
      const byName = new Map<string, StateNode>(graph.states.map((s) => [s.name, s]));
      const reached = new Set<string>();
      const stack = [graph.startAt];
      while (stack.length > 0) {
        const name = stack.pop()!;
        if (reached.has(name)) continue;
        reached.add(name);
        const state = byName.get(name);
        if (state) stack.push(...successorsOf(state));
      }
      for (const state of graph.states) {
        if (!reached.has(state.name)) findings.push({ state, message: `State "${state.name}" cannot be reached from "${graph.startAt}".` });
      }
    }
    return findings;
  },
};
