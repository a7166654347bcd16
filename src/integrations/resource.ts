import type { ResourceNode } from "../ir/resource.js";
import { integration, type Integration } from "./integration.js";

/** `arn:aws:states:::<service>:<action>[.<pattern>]`, optimized or AWS SDK: kept with its meaning (the IAM policy is derived from it). */
const serviceArn = /^arn:aws:states:::(aws-sdk:)?([A-Za-z0-9-]+):([A-Za-z0-9]+)(?:\.(sync:2|sync|waitForTaskToken))?$/;

/** What a Resource written as text stands for: a service integration when it names one, else the ARN as it is. */
export function resourceOfArn(arn: string): ResourceNode {
  const match = serviceArn.exec(arn);
  if (!match) return { kind: "arn", arn };
  const [, sdk, service, action, pattern] = match;
  return {
    kind: "integration",
    sdk: sdk !== undefined,
    service: service!,
    action: action!,
    pattern: (pattern ?? "requestResponse") as "requestResponse",
  };
}

/**
 * A Task resource written as its ARN, for what Stepwright has no helper for (`arn:aws:states:::athena:startQueryExecution.sync`,
 * an ARN with `${Placeholder}` substitutions, ...). The request is what `.parameters`/`.arguments` build, sent as it is;
 * type it with the generics.
 * @example task("Query", resource<{ QueryString: string }, { QueryExecutionId: string }>("arn:aws:states:::athena:startQueryExecution.sync")).parameters(() => ({ QueryString: "SELECT 1" }))
 */
export function resource<Req = unknown, Res = unknown>(arn: string): Integration<Req, Res, Req> {
  if (typeof arn !== "string" || arn.length === 0) throw new TypeError("resource() takes the Resource ARN as a string");
  return integration({ resource: resourceOfArn(arn), patterns: ["requestResponse", "sync", "sync:2", "waitForTaskToken"] });
}
