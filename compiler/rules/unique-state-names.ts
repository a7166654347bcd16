import { type Finding, type Rule, statesOf } from "./rule.js";

/** ASL: state names are unique across the whole state machine, nested branches included. */
export const uniqueStateNames: Rule = {
  code: "SW2001",
  name: "unique-state-names",
  check({ workflow }) {
    const first = new Map<string, number>();
    const findings: Finding[] = [];
    for (const { state } of statesOf(workflow)) {
      const count = (first.get(state.name) ?? 0) + 1;
      first.set(state.name, count);
      if (count === 2) {
        findings.push({
          state,
          message: `Two different states are named "${state.name}"; state names must be unique in the whole workflow, branches included.`,
        });
      }
    }
    return findings;
  },
};
