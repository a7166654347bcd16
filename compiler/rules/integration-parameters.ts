import type { JsonValue } from "../../src/ir/json.js";
import type { TaskNode } from "../../src/ir/task.js";
import { type Rule, statesOf } from "./rule.js";

/**
 * The request fields AWS requires for each optimized integration (from each service's API
 * reference); `[a, b]` means one of them.
 */
const required: Readonly<Record<string, readonly (string | readonly string[])[]>> = {
  "lambda:invoke": ["FunctionName"],
  "sqs:sendMessage": ["QueueUrl", "MessageBody"],
  "sns:publish": ["Message", ["TopicArn", "TargetArn", "PhoneNumber"]],
  "dynamodb:getItem": ["TableName", "Key"],
  "dynamodb:putItem": ["TableName", "Item"],
  "dynamodb:updateItem": ["TableName", "Key"],
  "dynamodb:deleteItem": ["TableName", "Key"],
  "ecs:runTask": ["TaskDefinition"],
  "glue:startJobRun": ["JobName"],
  "batch:submitJob": ["JobName", "JobQueue", "JobDefinition"],
  "events:putEvents": ["Entries"],
  "states:startExecution": ["StateMachineArn"],
};

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
      if (state.kind !== "Task" || state.resource.kind !== "integration" || state.resource.sdk) return [];
      const needs = required[`${state.resource.service}:${state.resource.action}`];
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
