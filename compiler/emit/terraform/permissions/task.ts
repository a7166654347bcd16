import { anyResource, type IamStatement, iamActionOf } from "../../../../src/integrations/descriptor.js";
import { invokeFunction } from "../../../../src/integrations/lambda.js";
import { descriptorOf } from "../../../../src/integrations/registry.js";
import type { IntegrationResource } from "../../../../src/ir/resource.js";
import type { TaskNode } from "../../../../src/ir/task.js";
import { type ArnScope, ownMachine } from "./scope.js";

/** IAM action prefixes of SDK service names where they differ. */
const iamPrefix: Readonly<Record<string, string>> = {
  sfn: "states",
  cloudwatchlogs: "logs",
  efs: "elasticfilesystem",
  elasticloadbalancingv2: "elasticloadbalancing",
};

function integrationStatements(task: TaskNode, resource: IntegrationResource, scope: ArnScope): readonly IamStatement[] {
  const { service, action, pattern } = resource;
  const descriptor = descriptorOf(resource);
  if (resource.sdk && !descriptor) {
    return [
      anyResource(
        "an AWS SDK integration: Stepwright cannot tell which resources the call touches; narrow it if you can",
        iamActionOf(iamPrefix[service] ?? service, action),
      ),
    ];
  }
  if (!descriptor)
    return [anyResource(`no documented policy for ${service}:${action} is known to Stepwright`, iamActionOf(service, action))];
  const target = resource.target ? scope.targetArn(resource.target) : undefined;
  const qualified =
    resource.target && resource.target.kind !== "arn" && resource.target.qualifier !== undefined
      ? { unqualified: scope.targetArn({ ...resource.target, qualifier: undefined }), qualifier: resource.target.qualifier }
      : undefined;
  return descriptor.iam({
    partition: scope.partition,
    region: scope.region,
    account: scope.account,
    pattern,
    request: task.parameters ?? task.arguments,
    ...(target ? { target } : {}),
    ...(qualified ? { qualified } : {}),
    ownArn: ownMachine(scope),
  });
}

/** What a Task's resource needs: the integration's statements, a Lambda function's invocation, nothing for an activity. */
export function taskStatements(task: TaskNode, scope: ArnScope): readonly IamStatement[] {
  const resource = task.resource;
  if (resource.kind === "function") return [invokeFunction(scope.targetArn(resource.function))];
  if (resource.kind === "integration") return integrationStatements(task, resource, scope);
  if (/^arn:[^:]+:lambda:/.test(resource.arn)) return [invokeFunction(resource.arn)];
  return []; // activities: workers poll them; the state machine needs no permission
}
