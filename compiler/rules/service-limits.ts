import type { StateNode } from "../../src/ir/state.js";
import { type Finding, type Rule, statesOf } from "./rule.js";

/** The longest a Standard execution runs: one year. */
const yearSeconds = 31_536_000;
/** ASL's bound on Retry intervals, attempts and Task timeouts. */
const aslMax = 99_999_999;

interface Bound {
  readonly field: string;
  readonly value: unknown;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly why: string;
}

function outOfBounds({ field, value, min, max, integer, why }: Bound): string | undefined {
  if (typeof value !== "number") return undefined; // paths and JSONata expressions are checked at run time
  if (integer && !Number.isInteger(value)) return `${field} must be a whole number, not ${value}`;
  if (value < min) return `${field} is ${value}; the least allowed is ${min}`;
  if (value > max) return `${field} is ${value}; the most allowed is ${max} (${why})`;
  return undefined;
}

function boundsOf(state: StateNode): Bound[] {
  const bounds: Bound[] = [];
  if (state.kind === "Wait")
    bounds.push({
      field: "seconds",
      value: state.seconds,
      min: 0,
      max: yearSeconds,
      integer: true,
      why: "an execution lasts at most a year",
    });
  if (state.kind === "Task") {
    bounds.push({ field: "timeoutSeconds", value: state.timeoutSeconds, min: 1, max: aslMax, integer: true, why: "ASL's limit" });
    bounds.push({ field: "heartbeatSeconds", value: state.heartbeatSeconds, min: 1, max: aslMax, integer: true, why: "ASL's limit" });
  }
  if (state.kind === "Map") {
    bounds.push({ field: "maxConcurrency", value: state.maxConcurrency, min: 0, max: aslMax, integer: true, why: "ASL's limit" });
    bounds.push({
      field: "toleratedFailurePercentage",
      value: state.toleratedFailurePercentage,
      min: 0,
      max: 100,
      integer: false,
      why: "a percentage",
    });
    bounds.push({
      field: "toleratedFailureCount",
      value: state.toleratedFailureCount,
      min: 0,
      max: aslMax,
      integer: true,
      why: "ASL's limit",
    });
  }
  for (const retrier of "retry" in state ? (state.retry ?? []) : []) {
    const which = `the retrier for ${retrier.errorEquals.join(", ")}:`;
    bounds.push({
      field: `${which} intervalSeconds`,
      value: retrier.intervalSeconds,
      min: 1,
      max: aslMax,
      integer: true,
      why: "ASL's limit",
    });
    bounds.push({ field: `${which} maxAttempts`, value: retrier.maxAttempts, min: 0, max: aslMax, integer: true, why: "ASL's limit" });
    bounds.push({ field: `${which} backoffRate`, value: retrier.backoffRate, min: 1, max: Number.MAX_VALUE, integer: false, why: "" });
    bounds.push({
      field: `${which} maxDelaySeconds`,
      value: retrier.maxDelaySeconds,
      min: 1,
      max: 31_622_399,
      integer: true,
      why: "AWS's limit",
    });
  }
  return bounds;
}

/** Numbers AWS bounds: Wait and timeout lengths, heartbeat below timeout, retrier fields, Map limits. */
export const serviceLimits: Rule = {
  code: "SW2009",
  name: "service-limits",
  check({ workflow }) {
    const findings: Finding[] = [];
    const workflowProblem = outOfBounds({
      field: "timeoutSeconds",
      value: workflow.timeoutSeconds,
      min: 1,
      max: yearSeconds,
      integer: true,
      why: "an execution lasts at most a year",
    });
    if (workflowProblem) findings.push({ message: `Workflow "${workflow.name}": ${workflowProblem}.` });
    for (const { state } of statesOf(workflow)) {
      for (const bound of boundsOf(state)) {
        const problem = outOfBounds(bound);
        if (problem) findings.push({ state, message: `Step "${state.name}": ${problem}.` });
      }
      if (
        state.kind === "Task" &&
        typeof state.heartbeatSeconds === "number" &&
        typeof state.timeoutSeconds === "number" &&
        state.heartbeatSeconds >= state.timeoutSeconds
      ) {
        findings.push({
          state,
          message: `Step "${state.name}": heartbeatSeconds (${state.heartbeatSeconds}) must be less than timeoutSeconds (${state.timeoutSeconds}).`,
        });
      }
    }
    return findings;
  },
};
