import type { JsonValue } from "../../../src/ir/json.js";
import type { IntegrationResource, TargetRef } from "../../../src/ir/resource.js";
import type { StateNode } from "../../../src/ir/state.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { statesOf } from "../../rules/rule.js";

/** Where ARNs are built: literal values, or Terraform reference tokens when not known at build time. */
export interface ArnScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The ARN (or a reference token) of a named or Terraform target. */
  readonly targetArn: (target: TargetRef) => string;
  /** This state machine's own ARN and name (Distributed Map children run as its executions). */
  readonly ownName: string;
}

/** One IAM statement; `why` explains a `"*"` (AWS documents no narrower resource for it). */
export interface Statement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly why?: string;
}

const managedRule = (scope: ArnScope, rule: string) => `arn:${scope.partition}:events:${scope.region}:${scope.account}:rule/${rule}`;
const ruleActions = ["events:PutTargets", "events:PutRule", "events:DescribeRule"];

/** The request of a Task: a field's literal value, if the workflow gives one (not a path or expression). */
function literalField(state: StateNode, field: string): string | undefined {
  const request = ("parameters" in state ? state.parameters : undefined) ?? ("arguments" in state ? state.arguments : undefined);
  if (!request || typeof request !== "object" || Array.isArray(request)) return undefined;
  const value = (request as Record<string, JsonValue>)[field];
  return typeof value === "string" && !value.startsWith("{%") ? value : undefined;
}

const star = (why: string, ...actions: string[]): Statement => ({ actions, resources: ["*"], why });

function lambdaStatement(arn: string | undefined): Statement {
  if (!arn) return star("the function is chosen at run time", "lambda:InvokeFunction");
  // The function and its versions and aliases (`arn:...:function:name:*`).
  const base = arn.replace(/^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:]+):.*$/, "$1").replace(/^(\uE000\d+\uE001):.*$/, "$1");
  return { actions: ["lambda:InvokeFunction"], resources: [base, `${base}:*`] };
}

/** `https://sqs.us-east-1.amazonaws.com/123456789012/orders` → its queue ARN. */
function queueArn(url: string, scope: ArnScope): string | undefined {
  const match = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([^/?#]+)$/.exec(url);
  return match ? `arn:${scope.partition}:sqs:${match[1]}:${match[2]}:${match[3]}` : undefined;
}

function taskDefinitionArn(value: string, scope: ArnScope): string {
  if (value.startsWith("arn:")) return /:task-definition\/[^:]+$/.test(value) ? `${value}:*` : value;
  return `arn:${scope.partition}:ecs:${scope.region}:${scope.account}:task-definition/${value.includes(":") ? value : `${value}:*`}`;
}

/** IAM action prefixes of SDK service names where they differ. */
const iamPrefix: Readonly<Record<string, string>> = { sfn: "states", cloudwatchlogs: "logs", efs: "elasticfilesystem", elasticloadbalancingv2: "elasticloadbalancing" };

function integrationStatements(state: StateNode, resource: IntegrationResource, scope: ArnScope): Statement[] {
  const { service, action, pattern } = resource;
  const target = resource.target ? scope.targetArn(resource.target) : undefined;
  const sync = pattern === "sync" || pattern === "sync:2";
  if (resource.sdk) {
    const name = `${iamPrefix[service] ?? service}:${action.charAt(0).toUpperCase()}${action.slice(1)}`;
    return [star("an AWS SDK integration: Stepwright cannot tell which resources the call touches; narrow it if you can", name)];
  }
  switch (`${service}:${action}`) {
    case "lambda:invoke":
      return [lambdaStatement(target ?? literalField(state, "FunctionName"))];
    case "sqs:sendMessage": {
      const url = literalField(state, "QueueUrl");
      const arn = url ? queueArn(url, scope) : undefined;
      return [arn ? { actions: ["sqs:SendMessage"], resources: [arn] } : star("the queue is chosen at run time", "sqs:SendMessage")];
    }
    case "sns:publish": {
      const topic = literalField(state, "TopicArn") ?? literalField(state, "TargetArn");
      return [topic ? { actions: ["sns:Publish"], resources: [topic] } : star("no topic is named (a phone number, or chosen at run time)", "sns:Publish")];
    }
    case "dynamodb:getItem":
    case "dynamodb:putItem":
    case "dynamodb:updateItem":
    case "dynamodb:deleteItem": {
      const table = literalField(state, "TableName");
      const iamAction = `dynamodb:${action.charAt(0).toUpperCase()}${action.slice(1)}`;
      return [table ? { actions: [iamAction], resources: [`arn:${scope.partition}:dynamodb:${scope.region}:${scope.account}:table/${table}`] } : star("the table is chosen at run time", iamAction)];
    }
    case "ecs:runTask": {
      const definition = literalField(state, "TaskDefinition");
      const run: Statement = definition ? { actions: ["ecs:RunTask"], resources: [taskDefinitionArn(definition, scope)] } : star("the task definition is chosen at run time", "ecs:RunTask");
      if (!sync) return [run];
      return [
        run,
        star("the task's id is only known once it runs (AWS's own policy for ecs:runTask.sync)", "ecs:StopTask", "ecs:DescribeTasks"),
        { actions: ruleActions, resources: [managedRule(scope, "StepFunctionsGetEventsForECSTaskRule")] },
      ];
    }
    case "glue:startJobRun":
      return [
        sync
          ? star("AWS documents no resource-level scope for the Glue integration", "glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun")
          : star("AWS documents no resource-level scope for the Glue integration", "glue:StartJobRun"),
      ];
    case "batch:submitJob":
      return sync
        ? [
            star("AWS Batch supports resource-level scope only in part (AWS's own policy uses *)", "batch:SubmitJob", "batch:DescribeJobs", "batch:TerminateJob"),
            { actions: ruleActions, resources: [managedRule(scope, "StepFunctionsGetEventsForBatchJobsRule")] },
          ]
        : [star("AWS Batch supports resource-level scope only in part (AWS's own policy uses *)", "batch:SubmitJob")];
    case "events:putEvents": {
      const entries = (("parameters" in state ? state.parameters : undefined) ?? ("arguments" in state ? state.arguments : undefined)) as { Entries?: unknown } | undefined;
      const list = Array.isArray(entries?.Entries) ? (entries.Entries as Record<string, unknown>[]) : undefined;
      const buses = list?.map((e) => (typeof e.EventBusName === "string" ? e.EventBusName : e.EventBusName === undefined && !("EventBusName.$" in e) ? "default" : undefined));
      if (!buses || buses.includes(undefined)) return [star("the event bus is chosen at run time", "events:PutEvents")];
      const arns = buses.map((b) => (b!.startsWith("arn:") ? b! : `arn:${scope.partition}:events:${scope.region}:${scope.account}:event-bus/${b}`));
      return [{ actions: ["events:PutEvents"], resources: arns }];
    }
    case "states:startExecution": {
      const machine = target ?? literalField(state, "StateMachineArn");
      const start: Statement = machine ? { actions: ["states:StartExecution"], resources: [machine] } : star("the state machine is chosen at run time", "states:StartExecution");
      if (!sync) return [start];
      const executions = machine ? machine.replace(/:stateMachine:([^:]+)(:.*)?$/, ":execution:$1:*") : undefined;
      return [
        start,
        executions && executions !== machine ? { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [executions] } : star("the state machine is chosen at run time", "states:DescribeExecution", "states:StopExecution"),
        { actions: ruleActions, resources: [managedRule(scope, "StepFunctionsGetEventsForStepFunctionsExecutionRule")] },
      ];
    }
    default:
      return [star(`no documented policy for ${service}:${action} is known to Stepwright`, `${service}:${action.charAt(0).toUpperCase()}${action.slice(1)}`)];
  }
}

function stateStatements(state: StateNode, scope: ArnScope): Statement[] {
  if (state.kind === "Task") {
    const resource = state.resource;
    if (resource.kind === "function") return [lambdaStatement(scope.targetArn(resource.function))];
    if (resource.kind === "integration") return integrationStatements(state, resource, scope);
    if (/^arn:[^:]+:lambda:/.test(resource.arn)) return [lambdaStatement(resource.arn)];
    return []; // activities: workers poll them; the state machine needs no permission
  }
  if (state.kind === "Map" && state.itemProcessor.processorConfig?.mode === "DISTRIBUTED") {
    const machine = `arn:${scope.partition}:states:${scope.region}:${scope.account}:stateMachine:${scope.ownName}`;
    return [
      { actions: ["states:StartExecution"], resources: [machine] },
      { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [`arn:${scope.partition}:states:${scope.region}:${scope.account}:execution:${scope.ownName}/*`] },
    ];
  }
  return [];
}

/** What CloudWatch Logs delivery and X-Ray need; AWS documents `"*"` for both. */
export const loggingStatement: Statement = star(
  "CloudWatch Logs delivery actions do not support resource-level permissions (AWS documents *)",
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:DescribeLogGroups",
);
export const tracingStatement: Statement = star(
  "X-Ray trace submission does not support resource-level permissions (AWS documents *)",
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
);

/**
 * The least-privilege statements a workflow's role needs: one per distinct set of actions, with
 * the resources of every state that needs them, in a stable order.
 */
export function policyStatements(workflow: WorkflowNode, scope: ArnScope): Statement[] {
  const found = statesOf(workflow).flatMap(({ state }) => stateStatements(state, scope));
  if (workflow.logging && workflow.logging.level !== "OFF") found.push(loggingStatement);
  if (workflow.tracing) found.push(tracingStatement);
  const merged = new Map<string, { actions: string[]; resources: Set<string>; why?: string }>();
  for (const s of found) {
    const actions = [...new Set(s.actions)].sort();
    const key = `${actions.join(",")}|${s.resources.includes("*") ? "*" : ""}`;
    const entry = merged.get(key) ?? { actions, resources: new Set<string>(), ...(s.why ? { why: s.why } : {}) };
    for (const r of s.resources) entry.resources.add(r);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map((m) => ({ actions: m.actions, resources: m.resources.has("*") ? ["*"] : [...m.resources].sort(), ...(m.why ? { why: m.why } : {}) }))
    .sort((a, b) => a.actions.join(",").localeCompare(b.actions.join(",")) || a.resources.join(",").localeCompare(b.resources.join(",")));
}
