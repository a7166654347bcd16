/**
 * The fulfilment example, run locally and deployed as Terraform reads it: the parent's logging,
 * X-Ray tracing, tags, published versions and KMS encryption, its role's trust policy, and the child
 * workflow of the same build referenced as `aws_sfn_state_machine.shipping.arn`.
 */
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { testWorkflow } from "stepwright/testing";
import { fulfilment, printLabel, reserveStock, shipping } from "../../examples/fulfilment.ts";
import { aslOf, validate } from "../support/oracles.ts";
import { root } from "../support/compile.ts";
import { hcleval, tfcheck, writeModule } from "../support/terraform.ts";

const account = "123456789012";

/** `x = jsonencode({ ... })` as HashiCorp's parser reads the object inside. */
async function jsonencoded(expression: string): Promise<unknown> {
  const inner = expression.replace(/^\$\{jsonencode\(/, "").replace(/\)\}$/, "");
  return ((await parse("inner.tf", `x = ${inner}\n`)) as { x: unknown }).x;
}

describe("example: fulfilment through a child workflow", () => {
  test("both workflows are valid ASL", () => {
    expect(validate(aslOf(fulfilment))).toEqual([]);
    expect(validate(aslOf(shipping))).toEqual([]);
  });

  test("runs locally: stock reserved, the child's label picked out of its output", async () => {
    const run = await testWorkflow(fulfilment)
      .mock(reserveStock, () => ({ reserved: true }))
      // By name: the step is typed by its result after ResultSelector, but a mock answers for the integration (issue 11).
      .mock("Ship", ({ Input }: { Input: { orderId: string; address: string } }) => ({
        ExecutionArn: "e",
        StateMachineArn: "s",
        Name: "n",
        Status: "SUCCEEDED",
        StartDate: "",
        StopDate: "",
        Input,
        Output: { ...Input, label: { carrier: "UPS", trackingNumber: `T-${Input.orderId}` } },
      }))
      .run({ orderId: "o-7", address: "1 Main St" });
    expect(run.path).toEqual(["ReserveStock", "Ship"]);
    expect(run.output).toEqual({
      orderId: "o-7",
      address: "1 Main St",
      stock: { reserved: true },
      shipment: { trackingNumber: "T-o-7", carrier: "UPS" },
    });
    const child = await testWorkflow(shipping)
      .mock(printLabel, () => ({ carrier: "UPS", trackingNumber: "T1" }))
      .run({ orderId: "o", address: "a" });
    expect(child.output).toEqual({ orderId: "o", address: "a", label: { carrier: "UPS", trackingNumber: "T1" } });
  });

  describe("its Terraform, as HashiCorp's parser and evaluator read it", () => {
    let result: CompileResult;
    let dir: string;
    let machine: Record<string, any>;
    let role: Record<string, any>;
    beforeAll(async () => {
      result = await compile({ files: ["examples/fulfilment.ts"], cwd: root, region: "us-east-1", account });
      expect(result.diagnostics).toEqual([]);
      dir = writeModule(result.files);
      const parsed = (await parse("fulfilment.tf", result.files["fulfilment.tf"]!)) as {
        resource: Record<string, Record<string, Record<string, any>[]>>;
      };
      machine = parsed.resource.aws_sfn_state_machine!.fulfilment![0]!;
      role = parsed.resource.aws_iam_role!.fulfilment![0]!;
    }, 240_000);

    test("the child is the state machine of the same build, by reference", () => {
      const evaluated = hcleval(dir);
      expect(evaluated.state_machines.fulfilment!.definition).toMatchObject({
        States: {
          Ship: {
            Resource: "arn:aws:states:::states:startExecution.sync:2",
            Parameters: { StateMachineArn: "${aws_sfn_state_machine.shipping.arn}" },
          },
        },
      });
      expect(evaluated.resources).toContain("aws_sfn_state_machine.shipping");
    });

    test("logging to its own log group with execution data, X-Ray tracing, tags, publish, KMS encryption", () => {
      expect(machine.logging_configuration).toEqual([
        { log_destination: "${aws_cloudwatch_log_group.fulfilment.arn}:*", include_execution_data: true, level: "ERROR" },
      ]);
      expect(machine.tracing_configuration).toEqual([{ enabled: true }]);
      expect(machine.tags).toBe('${merge(var.tags, { team = "fulfilment", cost-center = "42" })}');
      expect(machine.publish).toBe(true);
      expect(machine.encryption_configuration).toEqual([
        {
          kms_key_id: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          kms_data_key_reuse_period_seconds: 600,
          type: "CUSTOMER_MANAGED_KMS_KEY",
        },
      ]);
    });

    test("the role trusts Step Functions for this account only (the confused-deputy guard AWS recommends)", async () => {
      expect(await jsonencoded(role.assume_role_policy)).toEqual({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "states.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": account } },
          },
        ],
      });
    });

    test("alarms on the state machine's own metrics, its ARN the dimension, notifying a topic made in the module", async () => {
      const parsed = (await parse("fulfilment.tf", result.files["fulfilment.tf"]!)) as {
        resource: Record<string, Record<string, Record<string, any>[]>>;
      };
      const alarms = parsed.resource.aws_cloudwatch_metric_alarm!;
      expect(Object.keys(alarms).sort()).toEqual([
        "fulfilment_execution_throttled",
        "fulfilment_execution_time_p99",
        "fulfilment_executions_aborted",
        "fulfilment_executions_failed",
        "fulfilment_executions_timed_out",
      ]);
      for (const [, [alarm]] of Object.entries(alarms)) {
        expect(alarm).toMatchObject({
          namespace: "AWS/States",
          dimensions: { StateMachineArn: "${aws_sfn_state_machine.fulfilment.arn}" },
          alarm_actions: ["${aws_sns_topic.fulfilment_alarms.arn}"],
        });
      }
      expect(alarms.fulfilment_executions_failed![0]).toMatchObject({
        metric_name: "ExecutionsFailed",
        statistic: "Sum",
        threshold: 3,
        period: 300,
        comparison_operator: "GreaterThanOrEqualToThreshold",
      });
      expect(alarms.fulfilment_execution_time_p99![0]).toMatchObject({
        metric_name: "ExecutionTime",
        extended_statistic: "p99",
        threshold: 120000,
        comparison_operator: "GreaterThanThreshold",
      });
      expect(parsed.resource.aws_sns_topic_subscription!.fulfilment_alarms![0]).toMatchObject({
        protocol: "email",
        endpoint: "${var.alarm_email}",
      });
      expect(result.files["variables.tf"]).toContain('variable "alarm_email"');
    });

    test("Terraform accepts the module", () => {
      expect(tfcheck(dir)).toBe("tfcheck: valid");
    }, 720_000);
  });
});
