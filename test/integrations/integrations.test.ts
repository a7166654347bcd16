import { describe, expect, expectTypeOf, test } from "vitest";
import {
  $$,
  activity,
  apiGateway,
  athena,
  type Chainable,
  batch,
  bedrock,
  codebuild,
  dynamodb,
  ecs,
  emrServerless,
  http,
  eventBridge,
  glue,
  lambda,
  type OutputOf,
  pass,
  s3,
  sagemaker,
  scheduler,
  sdk,
  secretsManager,
  sns,
  sqs,
  ssm,
  stepFunctions,
  task,
  tf,
  workflow,
} from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Order {
  id: string;
  total: number;
}

/** The single Task of a one-step workflow, after checking the ASL with asl-validator. */
function stateOf(step: Chainable<any, unknown>) {
  const asl = aslOf(workflow("i", { definition: step }));
  expect(validate(asl)).toEqual([]);
  return { asl, state: Object.values(asl.States)[0] as Record<string, any> };
}

describe("integrations", () => {
  test("lambda: a name, an ARN (qualifier kept) or a Terraform reference", () => {
    expect(stateOf(task("A", lambda("fn:live"))).state.Resource).toBe("arn:aws:lambda:us-east-1:123456789012:function:fn:live");
    const asl = aslOf(workflow("i", { definition: task("B", lambda(tf("aws_lambda_function.charge.arn"))) }));
    expect(asl.States.B.Resource).toBe("${aws_lambda_function.charge.arn}");
  });

  test("lambda.invoke().waitForTaskToken(): the callback pattern, token in the payload", async () => {
    const approve = task(
      "Approve",
      lambda.invoke<{ order: Order; token: string }, unknown>("ask").waitForTaskToken<{ approved: boolean }>(),
    )
      .parameters<Order>(($) => ({ order: $, token: $$.Task.Token }))
      .heartbeat(3600);
    expectTypeOf<OutputOf<typeof approve>>().toEqualTypeOf<{ approved: boolean }>();
    const { asl, state } = stateOf(approve);
    expect(state).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
      Parameters: {
        FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:ask",
        Payload: { "order.$": "$", "token.$": "$$.Task.Token" },
      },
      HeartbeatSeconds: 3600,
      End: true,
    });
    let request: any;
    const result = await run(asl, { id: "1", total: 3 }, { Approve: (r) => ((request = r), { approved: true }) });
    expect(request.Payload).toEqual({ order: { id: "1", total: 3 }, token: "local-task-token" });
    expect(result.output).toEqual({ approved: true });
  });

  test("sqs.sendMessage: the input is the message body; .waitForTaskToken() exists", () => {
    const send = task(
      "Enqueue",
      sqs.sendMessage<Order>("https://sqs.us-east-1.amazonaws.com/123456789012/orders", { MessageGroupId: "g" }),
    );
    expect(stateOf(send).state).toMatchObject({
      Resource: "arn:aws:states:::sqs:sendMessage",
      Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders", MessageGroupId: "g", "MessageBody.$": "$" },
    });
    const wait = task("Ask", sqs.sendMessage("https://sqs.us-east-1.amazonaws.com/123456789012/q").waitForTaskToken()).parameters(
      ($, ctx) => ({ token: ctx.Task.Token }),
    );
    expect(stateOf(wait).state).toMatchObject({
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", MessageBody: { "token.$": "$$.Task.Token" } },
    });
  });

  test("sns.publish: the input is the message", () => {
    const publish = task("Alert", sns.publish("arn:aws:sns:us-east-1:123456789012:alerts", { Subject: "Order failed" }));
    expect(stateOf(publish).state).toMatchObject({
      Resource: "arn:aws:states:::sns:publish",
      Parameters: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Subject: "Order failed", "Message.$": "$" },
    });
  });

  test("sns.publish and sqs.sendMessage take AWS's own request: its fields are the Task's, not nested in the message", () => {
    const topic = "arn:aws:sns:us-east-1:123456789012:alerts";
    const publish = task("Alert", sns.publish({ TopicArn: topic, Subject: "Order failed" })).parameters<Order>(($) => ({
      Message: $.id,
    }));
    expect(stateOf(publish).state).toMatchObject({
      Resource: "arn:aws:states:::sns:publish",
      Parameters: { TopicArn: topic, Subject: "Order failed", "Message.$": "$.id" },
    });
    expect(stateOf(publish).state.Parameters).not.toHaveProperty("Message");
    const queue = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    const send = task("Enqueue", sqs.sendMessage({ QueueUrl: queue, MessageBody: "hello", DelaySeconds: 5 }).waitForTaskToken());
    expect(stateOf(send).state).toMatchObject({
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: queue, MessageBody: "hello", DelaySeconds: 5 },
    });
    // A field the request does not have, or of the wrong type, is a type error.
    // @ts-expect-error: SNS's Publish has no `Body`
    sns.publish({ TopicArn: topic, Body: "x" });
    // @ts-expect-error: DelaySeconds is a number
    sqs.sendMessage({ QueueUrl: queue, DelaySeconds: "5" });
  });

  test("lambda.invoke takes Invoke's own fields as a request: the event goes in Payload as written", () => {
    const fire = task("Fire", lambda.invoke("audit", { request: { InvocationType: "Event" } })).parameters<Order>(($) => ({
      Payload: { order: $.id },
    }));
    expect(stateOf(fire).state).toMatchObject({
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: {
        FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:audit",
        InvocationType: "Event",
        Payload: { "order.$": "$.id" },
      },
    });
  });

  test("S3, Secrets Manager, Parameter Store and DynamoDB Query/Scan by the AWS SDK integration; Bedrock, CodeBuild and HTTPS APIs optimized", () => {
    const cases: [Chainable<any, unknown>, string, Record<string, unknown>][] = [
      [task("G", s3.getObject({ Bucket: "b", Key: "k" })), "arn:aws:states:::aws-sdk:s3:getObject", { Bucket: "b", Key: "k" }],
      [task("P", s3.putObject({ Bucket: "b", Key: "k", Body: { a: 1 } })), "arn:aws:states:::aws-sdk:s3:putObject", { Body: { a: 1 } }],
      [
        task("C", s3.copyObject({ Bucket: "b", Key: "k2", CopySource: "b/k" })),
        "arn:aws:states:::aws-sdk:s3:copyObject",
        { CopySource: "b/k" },
      ],
      [
        task("S", secretsManager.getSecretValue({ SecretId: "db" })),
        "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
        { SecretId: "db" },
      ],
      [task("M", ssm.getParameter({ Name: "/a/b" })), "arn:aws:states:::aws-sdk:ssm:getParameter", { Name: "/a/b" }],
      [task("Q", dynamodb.query("T", { Limit: 5 })), "arn:aws:states:::aws-sdk:dynamodb:query", { TableName: "T", Limit: 5 }],
      [task("N", dynamodb.scan("T")), "arn:aws:states:::aws-sdk:dynamodb:scan", { TableName: "T" }],
      [task("B", bedrock.invokeModel({ ModelId: "m", Body: { p: 1 } })), "arn:aws:states:::bedrock:invokeModel", { ModelId: "m" }],
      [task("D", codebuild.startBuild("site").sync()), "arn:aws:states:::codebuild:startBuild.sync", { ProjectName: "site" }],
      [
        task("A", apiGateway.invoke({ ApiEndpoint: "a1.execute-api.us-east-1.amazonaws.com", Method: "GET" }).waitForTaskToken()),
        "arn:aws:states:::apigateway:invoke.waitForTaskToken",
        { ApiEndpoint: "a1.execute-api.us-east-1.amazonaws.com", Method: "GET" },
      ],
      [
        task("Q", athena.startQueryExecution({ QueryString: "SELECT 1" }).sync()),
        "arn:aws:states:::athena:startQueryExecution.sync",
        { QueryString: "SELECT 1" },
      ],
      [task("R", athena.getQueryResults({ QueryExecutionId: "q" })), "arn:aws:states:::athena:getQueryResults", { QueryExecutionId: "q" }],
      [
        task("T", sagemaker.createTrainingJob({ TrainingJobName: "j", RoleArn: "arn:aws:iam::1:role/r" }).waitForTaskToken()),
        "arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken",
        { TrainingJobName: "j" },
      ],
      [
        task("E", emrServerless.startJobRun({ ApplicationId: "a", ExecutionRoleArn: "arn:aws:iam::1:role/r" }).sync()),
        "arn:aws:states:::emr-serverless:startJobRun.sync",
        { ApplicationId: "a" },
      ],
      [
        task("C", scheduler.createSchedule({ Name: "n", ScheduleExpression: "rate(1 day)" })),
        "arn:aws:states:::aws-sdk:scheduler:createSchedule",
        { Name: "n" },
      ],
      [
        task("H", http.invoke({ ApiEndpoint: "https://x.example/v1", Method: "POST", Authentication: { ConnectionArn: "arn:c" } })),
        "arn:aws:states:::http:invoke",
        { ApiEndpoint: "https://x.example/v1", Method: "POST" },
      ],
    ];
    for (const [step, resource, parameters] of cases)
      expect(stateOf(step).state).toMatchObject({ Resource: resource, Parameters: parameters });
    // The request is AWS's: a field it does not have is a type error.
    // @ts-expect-error: GetObject has no `Path`
    s3.getObject({ Bucket: "b", Path: "k" });
    // @ts-expect-error: WithDecryption is a boolean
    ssm.getParameter({ Name: "/a", WithDecryption: "yes" });
  });

  test("dynamodb: the table is fixed, the key or item is built from the input", async () => {
    const get = task("Load", dynamodb.getItem("Orders")).parameters<Order>(($) => ({ Key: { id: { S: $.id } }, ConsistentRead: true }));
    const put = task("Save", dynamodb.putItem("Orders")).parameters<Order>(($) => ({ Item: { id: { S: $.id } } }));
    const update = task("Mark", dynamodb.updateItem("Orders")).parameters<Order>(($) => ({
      Key: { id: { S: $.id } },
      UpdateExpression: "SET paid = :p",
      ExpressionAttributeValues: { ":p": { BOOL: true } },
    }));
    const remove = task("Drop", dynamodb.deleteItem("Orders")).parameters<Order>(($) => ({ Key: { id: { S: $.id } } }));
    const { asl, state } = stateOf(get.resultPath("$.item").next(put.resultPath(null)).next(update.resultPath(null)).next(remove));
    expect(state).toMatchObject({
      Resource: "arn:aws:states:::dynamodb:getItem",
      Parameters: { TableName: "Orders", Key: { id: { "S.$": "$.id" } }, ConsistentRead: true },
    });
    expect(asl.States.Save.Resource).toBe("arn:aws:states:::dynamodb:putItem");
    expect(asl.States.Mark.Parameters.ExpressionAttributeValues).toEqual({ ":p": { BOOL: true } });
    expect(asl.States.Drop.Resource).toBe("arn:aws:states:::dynamodb:deleteItem");
    const calls: unknown[] = [];
    const mock = (i: unknown) => (calls.push(i), {});
    await run(asl, { id: "o1", total: 1 }, { Load: mock, Save: mock, Mark: mock, Drop: mock });
    expect(calls[0]).toEqual({ TableName: "Orders", Key: { id: { S: "o1" } }, ConsistentRead: true });
    // @ts-expect-error getItem needs a Key
    task("NoKey", dynamodb.getItem("Orders")).parameters<Order>(() => ({ ConsistentRead: true }));
  });

  test("ecs.runTask: request-response, .sync() and .waitForTaskToken()", () => {
    const request = { Cluster: "jobs", TaskDefinition: "report:3", LaunchType: "FARGATE" as const };
    expect(stateOf(task("Run", ecs.runTask(request))).state.Resource).toBe("arn:aws:states:::ecs:runTask");
    const sync = task("RunSync", ecs.runTask(request).sync());
    expectTypeOf<OutputOf<typeof sync>>().toMatchTypeOf<{ LastStatus: string; Containers: { ExitCode?: number }[] }>();
    expect(stateOf(sync).state).toMatchObject({ Resource: "arn:aws:states:::ecs:runTask.sync", Parameters: request });
    expect(stateOf(task("RunCb", ecs.runTask(request).waitForTaskToken())).state.Resource).toBe(
      "arn:aws:states:::ecs:runTask.waitForTaskToken",
    );
  });

  test("glue.startJobRun and batch.submitJob, with .sync()", () => {
    expect(stateOf(task("Glue", glue.startJobRun("etl", { Arguments: { "--day": "1" } }).sync())).state).toMatchObject({
      Resource: "arn:aws:states:::glue:startJobRun.sync",
      Parameters: { JobName: "etl", Arguments: { "--day": "1" } },
    });
    expect(stateOf(task("Batch", batch.submitJob({ JobName: "r", JobQueue: "q", JobDefinition: "d:1" }))).state).toMatchObject({
      Resource: "arn:aws:states:::batch:submitJob",
      Parameters: { JobName: "r", JobQueue: "q", JobDefinition: "d:1" },
    });
    expect(stateOf(task("BatchSync", batch.submitJob({ JobName: "r", JobQueue: "q", JobDefinition: "d:1" }).sync())).state.Resource).toBe(
      "arn:aws:states:::batch:submitJob.sync",
    );
  });

  test("eventBridge.putEvents: the entries are built from the input", () => {
    const announce = task("Announce", eventBridge.putEvents<Order>()).parameters<Order>(($) => ({
      Entries: [{ Detail: $, DetailType: "OrderPlaced", Source: "shop" }],
    }));
    expect(stateOf(announce).state).toMatchObject({
      Resource: "arn:aws:states:::events:putEvents",
      Parameters: { Entries: [{ "Detail.$": "$", DetailType: "OrderPlaced", Source: "shop" }] },
    });
  });

  test("stepFunctions.startExecution: typed by the child workflow, .sync() gives its output", () => {
    const child = workflow("fulfil-order", { definition: task("Pick", lambda<Order, { picked: boolean }>("pick")) });
    const start = task("Fulfil", stepFunctions.startExecution(child).sync());
    expectTypeOf<OutputOf<typeof start>["Output"]>().toEqualTypeOf<{ picked: boolean }>();
    expect(stateOf(start).state).toMatchObject({
      Resource: "arn:aws:states:::states:startExecution.sync:2",
      Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:fulfil-order", "Input.$": "$" },
    });
    expect(stateOf(task("F2", stepFunctions.startExecution(child).syncWithStringOutput())).state.Resource).toBe(
      "arn:aws:states:::states:startExecution.sync",
    );
    expect(stateOf(task("F3", stepFunctions.startExecution("arn:aws:states:us-east-1:123456789012:stateMachine:x"))).state).toMatchObject({
      Resource: "arn:aws:states:::states:startExecution",
      Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:x" },
    });
    // @ts-expect-error the child needs an Order, not a string
    pass<{ name: string }>("P").next(task("Bad", stepFunctions.startExecution(child)).parameters<{ name: string }>(($) => $.name));
  });

  test("sdk: any AWS SDK call, with its request", () => {
    const list = task("List", sdk<{}, { Contents: { Key: string }[] }>("s3", "listObjectsV2", { Bucket: "reports" }));
    expect(stateOf(list).state).toMatchObject({ Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2", Parameters: { Bucket: "reports" } });
    expect(() => sdk("S3", "ListObjects")).toThrow(/lowercase/);
  });

  test("activity: the activity ARN is the resource", async () => {
    const review = task("Review", activity<Order, { ok: boolean }>("arn:aws:states:us-east-1:123456789012:activity:review"));
    const { asl, state } = stateOf(review);
    expect(state.Resource).toBe("arn:aws:states:us-east-1:123456789012:activity:review");
    expect((await run(asl, { id: "1", total: 1 }, { Review: () => ({ ok: true }) })).output).toEqual({ ok: true });
  });

  test("a pattern AWS does not support is refused", () => {
    const base = dynamodb.getItem("T") as unknown as { waitForTaskToken?: unknown };
    expect(base.waitForTaskToken).toBeUndefined();
  });
});
