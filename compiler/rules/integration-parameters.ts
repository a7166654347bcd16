import type { JsonValue } from "../../src/ir/json.js";
import type { TaskNode } from "../../src/ir/task.js";
import { descriptorOf } from "../../src/integrations/registry.js";
import { type Rule, statesOf } from "./rule.js";

/** The request fields a task sets (a `.$` key sets its field; an empty string does not). */
function requestFields(task: TaskNode): Set<string> | undefined {
  const request: JsonValue | undefined = task.parameters ?? task.arguments;
  if (typeof request === "string") return undefined; // one JSONata expression: known only at run time
  const fields = new Set<string>();
  if (request && typeof request === "object" && !Array.isArray(request)) {
    for (const [key, value] of Object.entries(request)) {
      if (value !== "" && value !== null) fields.add(key.replace(/\.\$$/, ""));
    }
  }
  if (task.resource.kind === "integration" && task.resource.target && task.resource.targetField) fields.add(task.resource.targetField);
  return fields;
}

/** A Task's integration request has every field AWS requires (`FunctionName`, `QueueUrl`, ...). */
export const integrationParameters: Rule = {
  code: "SW2014",
  name: "integration-parameters",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) => {
      if (state.kind !== "Task" || state.resource.kind !== "integration") return [];
      const needs = descriptorOf(state.resource)?.required;
      const fields = needs && requestFields(state);
      if (!needs || !fields) return [];
      const missing = needs.filter((need) => (typeof need === "string" ? !fields.has(need) : !need.some((n) => fields.has(n))));
      return missing.length === 0
        ? []
        : [
            {
              state,
              message: `Step "${state.name}" calls ${state.resource.service}:${state.resource.action} without ${missing.map((m) => (typeof m === "string" ? m : m.join(" or "))).join(", ")}, which AWS requires.`,
            },
          ];
    });
  },
};
