import { anyResource, type IamStatement } from "../../../../src/integrations/descriptor.js";
import type { WorkflowNode } from "../../../../src/ir/workflow.js";

// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html and .../xray-iam.html
/** What CloudWatch Logs delivery needs; AWS documents `"*"`. */
export const loggingStatement: IamStatement = anyResource(
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

/** What X-Ray tracing needs; AWS documents `"*"`. */
export const tracingStatement: IamStatement = anyResource(
  "X-Ray trace submission does not support resource-level permissions (AWS documents *)",
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
);

export function observabilityStatements(workflow: WorkflowNode): readonly IamStatement[] {
  return [
    ...(workflow.logging && workflow.logging.level !== "OFF" ? [loggingStatement] : []),
    ...(workflow.tracing ? [tracingStatement] : []),
  ];
}
