import { integration, type Integration } from "./integration.js";

/**
 * A Step Functions activity: a worker polls for the task and reports the result.
 * @example task("Review", activity<Order, { approved: boolean }>("arn:aws:states:us-east-1:123456789012:activity:review"))
 */
export function activity<In = unknown, Out = unknown>(arn: string): Integration<In, Out> {
  return integration({ resource: { kind: "arn", arn }, patterns: ["requestResponse"] });
}
