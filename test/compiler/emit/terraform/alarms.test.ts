/**
 * Alarms, opt-in per workflow: on the state machine's own metrics, notifying a topic given by ARN or
 * by Terraform reference (or made in the module, see examples/fulfilment.test.ts); defaults made
 * explicit, `false` turns one off. Read back by HashiCorp's parser; accepted by Terraform.
 */
import { parse } from "@cdktf/hcl2json";
import { expect, test } from "vitest";
import { pass, tf, workflow } from "stepwright";
import { emitTerraform } from "../../../../compiler/emit/terraform/index.ts";
import { tfcheck, writeModule } from "../../../support/terraform.ts";

const topic = "arn:aws:sns:us-east-1:123456789012:ops";

test("a topic by ARN or reference, the defaults, and one alarm turned off; Terraform accepts them", async () => {
  const byArn = workflow("by-arn", { definition: pass("P"), alarms: { topic, executionThrottled: false } });
  const byRef = workflow("by-ref", {
    definition: pass("P"),
    alarms: { topic: tf("aws_sns_topic.ops.arn"), p99Seconds: { seconds: 30, periodSeconds: 60, evaluationPeriods: 3 } },
  });
  const quiet = workflow("quiet", { definition: pass("P") });
  const module = await emitTerraform(
    [byArn, byRef, quiet].map((w) => ({ ir: w.assemble().ir, file: "alarms.ts", exportName: w.name })),
    { region: "us-east-1", account: "123456789012" },
  );
  const alarmsOf = async (file: string) =>
    ((await parse(file, module.files[file]!)) as { resource: Record<string, Record<string, Record<string, any>[]>> }).resource
      .aws_cloudwatch_metric_alarm ?? {};

  const arn = await alarmsOf("by-arn.tf");
  expect(Object.keys(arn).sort()).toEqual(["by_arn_executions_aborted", "by_arn_executions_failed", "by_arn_executions_timed_out"]);
  expect(arn.by_arn_executions_failed![0]).toMatchObject({
    threshold: 1,
    period: 300,
    evaluation_periods: 1,
    alarm_actions: [topic],
    treat_missing_data: "notBreaching",
  });

  const ref = await alarmsOf("by-ref.tf");
  expect(ref.by_ref_execution_time_p99![0]).toMatchObject({
    threshold: 30000,
    period: 60,
    evaluation_periods: 3,
    alarm_actions: ["${aws_sns_topic.ops.arn}"],
  });
  expect(Object.keys(ref)).toHaveLength(5);

  expect(await alarmsOf("quiet.tf")).toEqual({});
  expect(module.files["variables.tf"]).not.toContain("alarm_email");

  const user = 'resource "aws_sns_topic" "ops" {\n  name = "ops"\n}\n';
  expect(tfcheck(writeModule({ ...module.files, "user.tf": user }))).toBe("tfcheck: valid");
}, 720_000);
