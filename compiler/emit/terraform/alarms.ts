import type { AlarmsOptions, AlarmThreshold, WorkflowNode } from "../../../src/ir/workflow.js";
import { type Block, type HclValue, Raw, type References } from "./hcl.js";

/** The state machine metrics an alarm can watch (namespace AWS/States), and how each compares. */
const metrics: readonly {
  key: keyof Omit<AlarmsOptions, "topic">;
  metric: string;
  slug: string;
  statistic: string;
  comparison: string;
  scale: number;
}[] = [
  {
    key: "executionsFailed",
    metric: "ExecutionsFailed",
    slug: "executions-failed",
    statistic: "Sum",
    comparison: "GreaterThanOrEqualToThreshold",
    scale: 1,
  },
  {
    key: "executionsTimedOut",
    metric: "ExecutionsTimedOut",
    slug: "executions-timed-out",
    statistic: "Sum",
    comparison: "GreaterThanOrEqualToThreshold",
    scale: 1,
  },
  {
    key: "executionThrottled",
    metric: "ExecutionThrottled",
    slug: "execution-throttled",
    statistic: "Sum",
    comparison: "GreaterThanOrEqualToThreshold",
    scale: 1,
  },
  {
    key: "executionsAborted",
    metric: "ExecutionsAborted",
    slug: "executions-aborted",
    statistic: "Sum",
    comparison: "GreaterThanOrEqualToThreshold",
    scale: 1,
  },
  // ExecutionTime is in milliseconds; the bound is given in seconds.
  {
    key: "p99Seconds",
    metric: "ExecutionTime",
    slug: "execution-time-p99",
    statistic: "p99",
    comparison: "GreaterThanThreshold",
    scale: 1000,
  },
];

/**
 * A workflow's CloudWatch alarms: one `aws_cloudwatch_metric_alarm` per watched metric, its
 * dimension the state machine's ARN, notifying the topic given or an `aws_sns_topic` made here
 * (subscribed by e-mail when the module's `alarm_email` is set).
 */
export function alarmBlocks(ir: WorkflowNode, id: string, refs: References): Block[] {
  const alarms = ir.alarms;
  if (!alarms) return [];
  const blocks: Block[] = [];
  let topic: HclValue;
  if (alarms.topic.kind === "create") {
    blocks.push(
      {
        type: "resource",
        labels: ["aws_sns_topic", `${id}_alarms`],
        comment: [`Where ${ir.name}'s alarms go.`],
        attributes: [
          ["name", `${refs.token("var.name_prefix")}${id}-alarms`],
          ["tags", new Raw("var.tags")],
        ],
      },
      {
        type: "resource",
        labels: ["aws_sns_topic_subscription", `${id}_alarms`],
        attributes: [
          ["count", new Raw('var.alarm_email == "" ? 0 : 1')],
          ["topic_arn", new Raw(`aws_sns_topic.${id}_alarms.arn`)],
          ["protocol", "email"],
          ["endpoint", new Raw("var.alarm_email")],
        ],
      },
    );
    topic = new Raw(`aws_sns_topic.${id}_alarms.arn`);
  } else topic = alarms.topic.kind === "arn" ? alarms.topic.arn : new Raw(alarms.topic.expression);
  for (const m of metrics) {
    const setting: AlarmThreshold | undefined = alarms[m.key];
    if (!setting) continue;
    const statistic: [string, HclValue] = m.statistic === "Sum" ? ["statistic", "Sum"] : ["extended_statistic", m.statistic];
    blocks.push({
      type: "resource",
      labels: ["aws_cloudwatch_metric_alarm", `${id}_${m.slug.replaceAll("-", "_")}`],
      attributes: [
        ["alarm_name", `${refs.token("var.name_prefix")}${id}-${m.slug}`],
        ["alarm_description", `${m.metric} of the ${ir.name} state machine`],
        ["namespace", "AWS/States"],
        ["metric_name", m.metric],
        ["dimensions", { StateMachineArn: new Raw(`aws_sfn_state_machine.${id}.arn`) }],
        statistic,
        ["period", setting.periodSeconds],
        ["evaluation_periods", setting.evaluationPeriods],
        ["threshold", setting.threshold * m.scale],
        ["comparison_operator", m.comparison],
        ["treat_missing_data", "notBreaching"],
        ["alarm_actions", [topic]],
        ["tags", new Raw("var.tags")],
      ],
    });
  }
  return blocks;
}
