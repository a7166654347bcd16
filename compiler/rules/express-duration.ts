import { type Finding, type Rule, statesOf } from "./rule.js";

/** AWS: an Express execution runs for at most five minutes. */
const expressSeconds = 300;

/** Express workflows whose own timeouts or Wait states ask for longer than an Express execution may run. */
export const expressDuration: Rule = {
  code: "SW2008",
  name: "express-duration",
  check({ workflow }) {
    const findings: Finding[] = [];
    if (workflow.type === "EXPRESS" && (workflow.timeoutSeconds ?? 0) > expressSeconds) {
      findings.push({
        message: `Workflow "${workflow.name}" is EXPRESS, which runs at most ${expressSeconds} seconds, but its timeoutSeconds is ${workflow.timeoutSeconds}.`,
      });
    }
    for (const { state, scope } of statesOf(workflow)) {
      if (!scope.express) continue;
      const seconds = state.kind === "Wait" ? state.seconds : state.kind === "Task" ? state.timeoutSeconds : undefined;
      if (typeof seconds === "number" && seconds > expressSeconds) {
        const field = state.kind === "Wait" ? "waits" : "has a timeout of";
        findings.push({
          state,
          message: `Step "${state.name}" ${field} ${seconds} seconds, but it runs in an Express execution, which lasts at most ${expressSeconds} seconds.`,
        });
      }
    }
    return findings;
  },
};
