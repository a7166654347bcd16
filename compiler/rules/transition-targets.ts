import { type Finding, graphsOf, type Rule, successorsOf } from "./rule.js";

/**
 * ASL: every Next, Default and catcher's Next names a state of the same graph (a Parallel branch or
 * Map item processor cannot go to a state outside it; a workflow cannot go to a state that is not
 * there), and StartAt names one too. The builder cannot make such a graph; ASL read from elsewhere can.
 */
export const transitionTargets: Rule = {
  code: "SW2017",
  name: "transition-targets",
  check({ workflow }) {
    const findings: Finding[] = [];
    for (const graph of graphsOf(workflow)) {
      const names = new Set(graph.states.map((s) => s.name));
      if (!names.has(graph.startAt)) findings.push({ message: `StartAt "${graph.startAt}" names no state of its graph.` });
      for (const state of graph.states) {
        for (const target of new Set(successorsOf(state))) {
          if (!names.has(target))
            findings.push({
              state,
              message: `State "${state.name}" goes to "${target}", which is not a state of its graph (a branch or item processor cannot leave itself).`,
            });
        }
      }
    }
    return findings;
  },
};
