import { endsGraph, type Finding, graphsOf, type Rule, successorsOf } from "./rule.js";

/**
 * Every state has a way to the end of its graph (a Succeed, a Fail or `End: true`). Loops are fine
 * as long as something leaves them; a cycle with no exit would run until the execution times out.
 */
export const pathsEnd: Rule = {
  code: "SW2004",
  name: "paths-end",
  check({ workflow }) {
    const findings: Finding[] = [];
    for (const graph of graphsOf(workflow)) {
      // Walk backwards from the ends: whatever is not reached has no way out.
      const predecessors = new Map<string, string[]>();
      for (const state of graph.states) {
        for (const next of successorsOf(state)) predecessors.set(next, [...(predecessors.get(next) ?? []), state.name]);
      }
      const canEnd = new Set<string>();
      const stack = graph.states.filter(endsGraph).map((s) => s.name);
      while (stack.length > 0) {
        const name = stack.pop()!;
        if (canEnd.has(name)) continue;
        canEnd.add(name);
        stack.push(...(predecessors.get(name) ?? []));
      }
      const stuck = graph.states.filter((s) => !canEnd.has(s.name));
      if (stuck.length > 0) {
        const names = stuck.map((s) => `"${s.name}"`).join(", ");
        findings.push({
          state: stuck[0]!,
          steps: stuck.map((s) => s.name),
          message: `${names} loop${stuck.length === 1 ? "s" : ""} forever: no path from ${stuck.length === 1 ? "it" : "them"} reaches a Succeed, a Fail or the end. Add a Choice that leaves the loop.`,
        });
      }
    }
    return findings;
  },
};
