import type { StateNode } from "../../src/ir/state.js";
import { type Rule, statesOf } from "./rule.js";

/** Why a Task cannot run in an Express execution, or undefined when it can. */
function notInExpress(state: StateNode): string | undefined {
  if (state.kind !== "Task") return undefined;
  const resource = state.resource;
  if (resource.kind === "integration" && resource.pattern !== "requestResponse")
    return `.${resource.pattern === "waitForTaskToken" ? "waitForTaskToken" : "sync"}()`;
  if (resource.kind === "arn" && /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource.arn)) return "an activity";
  if (resource.kind === "arn" && /\.(sync(:2)?|waitForTaskToken)$/.test(resource.arn))
    return resource.arn.slice(resource.arn.lastIndexOf("."));
  return undefined;
}

/**
 * AWS: Express executions (an EXPRESS workflow, or the EXPRESS children of a Distributed Map) run
 * request-response integrations only: no `.sync`, no `.waitForTaskToken`, no activities.
 */
export const expressPatterns: Rule = {
  code: "SW2007",
  name: "express-patterns",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state, scope }) => {
      const what = scope.express ? notInExpress(state) : undefined;
      if (!what) return [];
      const where =
        workflow.type === "EXPRESS"
          ? `workflow "${workflow.name}" is EXPRESS`
          : `it runs in the EXPRESS child executions of Map "${scope.enclosing.at(-1)?.name}"`;
      return [
        {
          state,
          message: `Step "${state.name}" uses ${what}, but ${where}; Express executions support request-response integrations only. Use a STANDARD workflow (type: "STANDARD").`,
        },
      ];
    });
  },
};
