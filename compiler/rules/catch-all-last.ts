import { type Finding, type Rule, statesOf } from "./rule.js";

/** ASL: `States.ALL` must stand alone in its ErrorEquals and be in the last retrier or catcher. */
export const catchAllLast: Rule = {
  code: "SW2006",
  name: "catch-all-last",
  check({ workflow }) {
    const findings: Finding[] = [];
    for (const { state } of statesOf(workflow)) {
      if (!("retry" in state || "catch" in state)) continue;
      const lists = [
        ["retrier", "retry" in state ? state.retry : undefined],
        ["catcher", "catch" in state ? state.catch : undefined],
      ] as const;
      for (const [what, list] of lists) {
        (list ?? []).forEach((entry, index) => {
          if (!entry.errorEquals.includes("States.ALL")) return;
          if (entry.errorEquals.length > 1) {
            findings.push({
              state,
              message: `Step "${state.name}": States.ALL must be the only error of its ${what}, not one of [${entry.errorEquals.join(", ")}].`,
            });
          } else if (index !== list!.length - 1) {
            findings.push({
              state,
              message: `Step "${state.name}": the ${what} for States.ALL must be the last one; the ones after it can never match.`,
            });
          }
        });
      }
    }
    return findings;
  },
};
