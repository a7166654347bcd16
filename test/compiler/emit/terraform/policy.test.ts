import { describe, expect, test } from "vitest";
import {
  activity, batch, dynamodb, ecs, eventBridge, glue, lambda, map, pass, type Ref, sdk, sns, sqs, stepFunctions, task, tf, workflow, type Workflow,
} from "stepwright";
import { policyStatements, type Statement } from "../../../../compiler/emit/terraform/index.ts";

const region = "us-east-1";
const account = "123456789012";
const scope = {
  partition: "aws",
  region,
  account,
  ownName: "parent",
  targetArn: (t: { kind: string; name?: string; service?: string; arn?: string; expression?: string }) =>
    t.kind === "name" ? `arn:aws:${t.service}:${region}:${account}:${t.service === "lambda" ? "function" : "stateMachine"}:${t.name}` : (t.arn ?? `\${${t.expression}}`),
};

const policyOf = (w: Workflow<any, any>): Statement[] => policyStatements(w.assemble().ir, scope as never);
const only = (definition: unknown) => policyOf(workflow("w", { definition: definition as never }) as never);
const fn = (name: string) => `arn:aws:lambda:${region}:${account}:function:${name}`;
const rule = (name: string) => `arn:aws:events:${region}:${account}:rule/${name}`;
const events = ["events:DescribeRule", "events:PutRule", "events:PutTargets"];

describe("the role's policy, per integration and pattern", () => {
  test("Lambda, called directly or through lambda:invoke (and its callback): the function and its versions", () => {
    expect(only(task("A", lambda("charge")).next(task("B", lambda.invoke("refund"))).next(task("C", lambda.invoke("ask").waitForTaskToken())))).toEqual([
      { actions: ["lambda:InvokeFunction"], resources: [fn("ask"), `${fn("ask")}:*`, fn("charge"), `${fn("charge")}:*`, fn("refund"), `${fn("refund")}:*`].sort() },
    ]);
  });

  test("a qualified function ARN grants the function, not just the alias", () => {
    expect(only(task("A", lambda(`${fn("charge")}:live`)))).toEqual([{ actions: ["lambda:InvokeFunction"], resources: [fn("charge"), `${fn("charge")}:*`] }]);
  });

  test("SQS and SNS: the queue (from its URL) and the topic", () => {
    expect(only(task("Q", sqs.sendMessage("https://sqs.eu-west-1.amazonaws.com/210987654321/orders")))).toEqual([
      { actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:eu-west-1:210987654321:orders"] },
    ]);
    expect(only(task("T", sns.publish("arn:aws:sns:us-east-1:123456789012:alerts")))).toEqual([{ actions: ["sns:Publish"], resources: ["arn:aws:sns:us-east-1:123456789012:alerts"] }]);
  });

  test("a queue chosen at run time is '*', with the reason", () => {
    const dynamic = task("Q", sqs.sendMessage("x")).parameters(($: Ref<{ url: string }>) => ({ QueueUrl: $.url }) as never);
    expect(only(dynamic)).toEqual([{ actions: ["sqs:SendMessage"], resources: ["*"], why: "the queue is chosen at run time" }]);
  });

  test("DynamoDB: each item action on the table", () => {
    const key = ($: Ref<{ id: string }>) => ({ Key: { id: { S: $.id } } });
    const steps = task("Get", dynamodb.getItem("orders")).parameters(key).resultPath(null)
      .next(task("Delete", dynamodb.deleteItem("orders")).parameters(key).resultPath(null))
      .next(task("Put", dynamodb.putItem("audit")).parameters(($: Ref<{ id: string }>) => ({ Item: { id: { S: $.id } } })));
    expect(only(steps)).toEqual([
      { actions: ["dynamodb:DeleteItem"], resources: [`arn:aws:dynamodb:${region}:${account}:table/orders`] },
      { actions: ["dynamodb:GetItem"], resources: [`arn:aws:dynamodb:${region}:${account}:table/orders`] },
      { actions: ["dynamodb:PutItem"], resources: [`arn:aws:dynamodb:${region}:${account}:table/audit`] },
    ]);
  });

  test("ECS: RunTask on the task definition; .sync adds StopTask/DescribeTasks and the managed rule", () => {
    const run = ecs.runTask({ Cluster: "jobs", TaskDefinition: "report:3" });
    const taskDefinition = `arn:aws:ecs:${region}:${account}:task-definition/report:3`;
    expect(only(task("R", run))).toEqual([{ actions: ["ecs:RunTask"], resources: [taskDefinition] }]);
    expect(only(task("R", run.sync()))).toEqual([
      { actions: ["ecs:DescribeTasks", "ecs:StopTask"], resources: ["*"], why: "the task's id is only known once it runs (AWS's own policy for ecs:runTask.sync)" },
      { actions: ["ecs:RunTask"], resources: [taskDefinition] },
      { actions: events, resources: [rule("StepFunctionsGetEventsForECSTaskRule")] },
    ]);
    expect(only(task("R", ecs.runTask({ Cluster: "jobs", TaskDefinition: "report" })))).toEqual([
      { actions: ["ecs:RunTask"], resources: [`arn:aws:ecs:${region}:${account}:task-definition/report:*`] },
    ]);
  });

  test("Glue and Batch: AWS's documented actions on '*', with the reason", () => {
    expect(only(task("G", glue.startJobRun("etl")))).toEqual([{ actions: ["glue:StartJobRun"], resources: ["*"], why: "AWS documents no resource-level scope for the Glue integration" }]);
    expect(only(task("G", glue.startJobRun("etl").sync()))[0]!.actions).toEqual(["glue:BatchStopJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:StartJobRun"]);
    const submit = batch.submitJob({ JobName: "render", JobQueue: "q", JobDefinition: "render:1" });
    expect(only(task("B", submit)).map((s) => s.actions)).toEqual([["batch:SubmitJob"]]);
    expect(only(task("B", submit.sync()))).toEqual([
      { actions: ["batch:DescribeJobs", "batch:SubmitJob", "batch:TerminateJob"], resources: ["*"], why: "AWS Batch supports resource-level scope only in part (AWS's own policy uses *)" },
      { actions: events, resources: [rule("StepFunctionsGetEventsForBatchJobsRule")] },
    ]);
  });

  test("EventBridge: PutEvents on the buses the entries name (default when none)", () => {
    const put = task("E", eventBridge.putEvents()).parameters(() => ({ Entries: [{ Detail: {}, DetailType: "x", Source: "shop" }, { Detail: {}, DetailType: "y", Source: "shop", EventBusName: "orders" }] }));
    expect(only(put)).toEqual([
      { actions: ["events:PutEvents"], resources: [`arn:aws:events:${region}:${account}:event-bus/default`, `arn:aws:events:${region}:${account}:event-bus/orders`] },
    ]);
  });

  test("Step Functions: StartExecution on the child; .sync and .sync:2 add its executions and the managed rule", () => {
    const child = workflow("child", { definition: pass("P") });
    const machine = `arn:aws:states:${region}:${account}:stateMachine:child`;
    expect(only(task("S", stepFunctions.startExecution(child)))).toEqual([{ actions: ["states:StartExecution"], resources: [machine] }]);
    for (const integration of [stepFunctions.startExecution(child).sync(), stepFunctions.startExecution(child).syncWithStringOutput()]) {
      expect(only(task("S", integration))).toEqual([
        { actions: events, resources: [rule("StepFunctionsGetEventsForStepFunctionsExecutionRule")] },
        { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [`arn:aws:states:${region}:${account}:execution:child:*`] },
        { actions: ["states:StartExecution"], resources: [machine] },
      ]);
    }
  });

  test("an SDK integration: its one IAM action, on '*' with the reason; activities need nothing", () => {
    expect(only(task("L", sdk("s3", "listObjectsV2", { Bucket: "reports" })))).toEqual([
      { actions: ["s3:ListObjectsV2"], resources: ["*"], why: "an AWS SDK integration: Stepwright cannot tell which resources the call touches; narrow it if you can" },
    ]);
    expect(only(task("W", activity("arn:aws:states:us-east-1:123456789012:activity:review")))).toEqual([]);
  });

  test("a Terraform reference stays a reference", () => {
    expect(only(task("A", lambda(tf("aws_lambda_function.charge.arn"))))).toEqual([
      { actions: ["lambda:InvokeFunction"], resources: ["${aws_lambda_function.charge.arn}", "${aws_lambda_function.charge.arn}:*"] },
    ]);
  });

  test("a Distributed Map starts and watches child executions of its own state machine", () => {
    const each = map("Files", { items: "$.files", mode: "DISTRIBUTED", executionType: "STANDARD" }).process(pass("P"));
    expect(only(each)).toEqual([
      { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [`arn:aws:states:${region}:${account}:execution:parent/*`] },
      { actions: ["states:StartExecution"], resources: [`arn:aws:states:${region}:${account}:stateMachine:parent`] },
    ]);
  });

  test("logging and tracing add the delivery and X-Ray actions AWS documents on '*'", () => {
    const statements = policyOf(workflow("w", { logging: { level: "ERROR" }, tracing: true, definition: pass("P") }));
    expect(statements.map((s) => [s.actions[0], s.resources])).toEqual([
      ["logs:CreateLogDelivery", ["*"]],
      ["xray:GetSamplingRules", ["*"]],
    ]);
    expect(statements[0]!.actions).toHaveLength(8);
    expect(policyOf(workflow("w", { logging: { level: "OFF" }, definition: pass("P") }))).toEqual([]);
  });
});
