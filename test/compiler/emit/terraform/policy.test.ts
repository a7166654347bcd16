/**
 * The role's least-privilege policy, per integration and pattern and per non-integration cause,
 * read back from the emitted `.tf` by HashiCorp's own parser, against a table written from AWS's
 * pages (each integration's "IAM policies" section on its connect-<service> page, and the pages
 * named per row). The whole table is one module that Terraform itself accepts (tfcheck).
 */
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, test } from "vitest";
import {
  activity,
  apiGateway,
  athena,
  batch,
  bedrock,
  codebuild,
  dynamodb,
  http,
  ecs,
  emrServerless,
  eventBridge,
  glue,
  lambda,
  map,
  pass,
  type Ref,
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
  type Workflow,
} from "stepwright";
import { emitTerraform, type TerraformModule } from "../../../../compiler/emit/terraform/index.ts";
import { tfcheck, writeModule } from "../../../support/terraform.ts";

const region = "us-east-1";
const account = "123456789012";
const fn = (name: string) => `arn:aws:lambda:${region}:${account}:function:${name}`;
const rule = (name: string) => `arn:aws:events:${region}:${account}:rule/${name}`;
const ruleActions = ["events:PutTargets", "events:PutRule", "events:DescribeRule"];
// What an Athena query reads and writes besides Athena, as https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html lists it.
const athenaS3 = [
  "s3:GetBucketLocation",
  "s3:GetObject",
  "s3:ListBucket",
  "s3:ListBucketMultipartUploads",
  "s3:ListMultipartUploadParts",
  "s3:AbortMultipartUpload",
  "s3:CreateBucket",
  "s3:PutObject",
];
const athenaGlue = [
  "glue:CreateDatabase",
  "glue:GetDatabase",
  "glue:GetDatabases",
  "glue:UpdateDatabase",
  "glue:DeleteDatabase",
  "glue:CreateTable",
  "glue:UpdateTable",
  "glue:GetTable",
  "glue:GetTables",
  "glue:DeleteTable",
  "glue:BatchDeleteTable",
  "glue:BatchCreatePartition",
  "glue:CreatePartition",
  "glue:UpdatePartition",
  "glue:GetPartition",
  "glue:GetPartitions",
  "glue:BatchGetPartition",
  "glue:DeletePartition",
  "glue:BatchDeletePartition",
];
const child = workflow("child", { definition: pass("P") });

interface Expected {
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: unknown;
}
const allow = (Action: readonly string[], ...Resource: string[]): Expected => ({ Action, Resource });
const qualified = (machine: string, qualifier: string): Expected => ({
  Action: ["states:StartExecution"],
  Resource: [machine],
  Condition: { StringEquals: { "states:StateMachineQualifier": qualifier } },
});

/** One workflow per row: what it does, and the statements AWS documents for it. */
const table: readonly { name: string; definition: unknown; options?: object; expected: readonly Expected[]; why?: string }[] = [
  {
    name: "lambda-function",
    definition: task("A", lambda(fn("charge"))),
    expected: [allow(["lambda:InvokeFunction"], fn("charge"), `${fn("charge")}:*`)],
  },
  {
    name: "lambda-alias",
    definition: task("A", lambda(`${fn("charge")}:live`)),
    expected: [allow(["lambda:InvokeFunction"], fn("charge"), `${fn("charge")}:*`)],
  },
  {
    name: "lambda-invoke",
    definition: task("A", lambda.invoke(fn("refund"))),
    expected: [allow(["lambda:InvokeFunction"], fn("refund"), `${fn("refund")}:*`)],
  },
  {
    name: "lambda-callback",
    definition: task("A", lambda.invoke(fn("ask")).waitForTaskToken()),
    expected: [allow(["lambda:InvokeFunction"], fn("ask"), `${fn("ask")}:*`)],
  },
  {
    name: "lambda-terraform",
    definition: task("A", lambda(tf("aws_lambda_function.charge.arn"))),
    expected: [allow(["lambda:InvokeFunction"], "${aws_lambda_function.charge.arn}", "${aws_lambda_function.charge.arn}:*")],
  },
  {
    name: "sqs",
    definition: task("Q", sqs.sendMessage("https://sqs.eu-west-1.amazonaws.com/210987654321/orders")),
    expected: [allow(["sqs:SendMessage"], "arn:aws:sqs:eu-west-1:210987654321:orders")],
  },
  {
    name: "sqs-callback",
    definition: task("Q", sqs.sendMessage("https://sqs.eu-west-1.amazonaws.com/210987654321/orders").waitForTaskToken()),
    expected: [allow(["sqs:SendMessage"], "arn:aws:sqs:eu-west-1:210987654321:orders")],
  },
  {
    name: "sqs-dynamic",
    definition: task("Q", sqs.sendMessage("x")).parameters(($: Ref<{ url: string }>) => ({ QueueUrl: $.url }) as never),
    expected: [allow(["sqs:SendMessage"], "*")],
    why: "the queue is chosen at run time",
  },
  {
    name: "sns",
    definition: task("T", sns.publish(`arn:aws:sns:${region}:${account}:alerts`)),
    expected: [allow(["sns:Publish"], `arn:aws:sns:${region}:${account}:alerts`)],
  },
  {
    name: "sns-callback",
    definition: task("T", sns.publish(`arn:aws:sns:${region}:${account}:alerts`).waitForTaskToken()),
    expected: [allow(["sns:Publish"], `arn:aws:sns:${region}:${account}:alerts`)],
  },
  ...(["getItem", "putItem", "updateItem", "deleteItem"] as const).map((action) => ({
    name: `dynamodb-${action}`,
    definition: task("D", dynamodb[action]("orders") as ReturnType<typeof dynamodb.updateItem>).parameters(
      () => ({ Key: { id: { S: "1" } }, Item: { id: { S: "1" } }, UpdateExpression: "SET a = :a" }) as never,
    ),
    expected: [
      allow([`dynamodb:${action.charAt(0).toUpperCase()}${action.slice(1)}`], `arn:aws:dynamodb:${region}:${account}:table/orders`),
    ],
  })),
  {
    name: "ecs",
    definition: task("R", ecs.runTask({ Cluster: "jobs", TaskDefinition: "report:3" })),
    expected: [allow(["ecs:RunTask"], `arn:aws:ecs:${region}:${account}:task-definition/report:3`)],
  },
  {
    name: "ecs-sync",
    definition: task("R", ecs.runTask({ Cluster: "jobs", TaskDefinition: "report" }).sync()),
    expected: [
      allow(["ecs:RunTask"], `arn:aws:ecs:${region}:${account}:task-definition/report:*`),
      allow(["ecs:DescribeTasks", "ecs:StopTask"], "*"),
      allow(ruleActions, rule("StepFunctionsGetEventsForECSTaskRule")),
    ],
  },
  {
    name: "ecs-callback",
    definition: task("R", ecs.runTask({ Cluster: "jobs", TaskDefinition: "report:3" }).waitForTaskToken()),
    expected: [allow(["ecs:RunTask"], `arn:aws:ecs:${region}:${account}:task-definition/report:3`)],
  },
  {
    name: "glue",
    definition: task("G", glue.startJobRun("etl")),
    expected: [allow(["glue:StartJobRun"], "*")],
    why: "AWS documents no resource-level scope for the Glue integration",
  },
  {
    name: "glue-sync",
    definition: task("G", glue.startJobRun("etl").sync()),
    expected: [allow(["glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"], "*")],
  },
  {
    name: "batch",
    definition: task("B", batch.submitJob({ JobName: "render", JobQueue: "q", JobDefinition: "render:1" })),
    expected: [allow(["batch:SubmitJob"], "*")],
  },
  {
    name: "batch-sync",
    definition: task("B", batch.submitJob({ JobName: "render", JobQueue: "q", JobDefinition: "render:1" }).sync()),
    expected: [
      allow(["batch:SubmitJob", "batch:DescribeJobs", "batch:TerminateJob"], "*"),
      allow(ruleActions, rule("StepFunctionsGetEventsForBatchJobsRule")),
    ],
  },
  {
    name: "events",
    definition: task("E", eventBridge.putEvents()).parameters(() => ({
      Entries: [
        { Detail: {}, DetailType: "x", Source: "shop" },
        { Detail: {}, DetailType: "y", Source: "shop", EventBusName: "orders" },
      ],
    })),
    expected: [
      allow(
        ["events:PutEvents"],
        `arn:aws:events:${region}:${account}:event-bus/default`,
        `arn:aws:events:${region}:${account}:event-bus/orders`,
      ),
    ],
  },
  {
    name: "states-child",
    definition: task("S", stepFunctions.startExecution(child)),
    expected: [allow(["states:StartExecution"], "${aws_sfn_state_machine.child.arn}")],
  },
  {
    name: "states-sync2",
    definition: task("S", stepFunctions.startExecution(`arn:aws:states:${region}:${account}:stateMachine:billing`).sync()),
    expected: [
      allow(["states:StartExecution"], `arn:aws:states:${region}:${account}:stateMachine:billing`),
      allow(["states:DescribeExecution", "states:StopExecution"], `arn:aws:states:${region}:${account}:execution:billing:*`),
      allow(ruleActions, rule("StepFunctionsGetEventsForStepFunctionsExecutionRule")),
    ],
  },
  // A version or an alias is authorized on the state machine's own ARN, scoped by the qualifier
  // (https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html).
  {
    name: "states-sync-alias",
    definition: task(
      "S",
      stepFunctions.startExecution(`arn:aws:states:${region}:${account}:stateMachine:billing:prod`).syncWithStringOutput(),
    ),
    expected: [
      qualified(`arn:aws:states:${region}:${account}:stateMachine:billing`, "prod"),
      allow(["states:DescribeExecution", "states:StopExecution"], `arn:aws:states:${region}:${account}:execution:billing:*`),
      allow(ruleActions, rule("StepFunctionsGetEventsForStepFunctionsExecutionRule")),
    ],
  },
  {
    name: "states-version",
    definition: task("S", stepFunctions.startExecution(`arn:aws:states:${region}:${account}:stateMachine:billing:7`)),
    expected: [qualified(`arn:aws:states:${region}:${account}:stateMachine:billing`, "7")],
  },
  {
    name: "states-child-alias",
    definition: task("S", stepFunctions.startExecution(child, { alias: "live" })),
    expected: [qualified("${aws_sfn_state_machine.child.arn}", "live")],
  },
  {
    name: "states-reference-version",
    definition: task("S", stepFunctions.startExecution(tf("aws_sfn_state_machine.child.arn"), { version: 3 })),
    expected: [qualified("${aws_sfn_state_machine.child.arn}", "3")],
  },
  {
    name: "sdk",
    definition: task("L", sdk("s3", "listObjectsV2", { Bucket: "reports" })),
    expected: [allow(["s3:ListObjectsV2"], "*")],
    why: "an AWS SDK integration",
  },
  { name: "activity", definition: task("W", activity(`arn:aws:states:${region}:${account}:activity:review`)), expected: [] },
  // The integrations typed since: each scoped to the resource its request names.
  {
    name: "bedrock",
    definition: task("B", bedrock.invokeModel({ ModelId: "amazon.titan-text-express-v1", Body: { inputText: "hello" } })),
    expected: [allow(["bedrock:InvokeModel"], `arn:aws:bedrock:${region}::foundation-model/amazon.titan-text-express-v1`)],
  },
  {
    name: "codebuild",
    definition: task("C", codebuild.startBuild("site")),
    expected: [allow(["codebuild:StartBuild"], `arn:aws:codebuild:${region}:${account}:project/site`)],
  },
  {
    name: "codebuild-sync",
    definition: task("C", codebuild.startBuild("site", { SourceVersion: "main" }).sync()),
    expected: [
      allow(
        ["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"],
        `arn:aws:codebuild:${region}:${account}:project/site`,
      ),
      allow(ruleActions, rule("StepFunctionsGetEventForCodeBuildStartBuildRule")),
    ],
  },
  {
    name: "http",
    definition: task(
      "H",
      http.invoke({
        ApiEndpoint: "https://api.stripe.com/v1/customers",
        Method: "GET",
        Authentication: { ConnectionArn: `arn:aws:events:${region}:${account}:connection/stripe/81210c42-8af1-456b-9c4a-6ff02fc664ac` },
      }),
    ),
    expected: [
      {
        Action: ["states:InvokeHTTPEndpoint"],
        Resource: [`arn:aws:states:${region}:${account}:stateMachine:${"${var.name_prefix}"}http`],
        Condition: {
          StringEquals: { "states:HTTPMethod": "GET" },
          StringLike: { "states:HTTPEndpoint": "https://api.stripe.com/v1/customers*" },
        },
      },
      allow(
        ["events:RetrieveConnectionCredentials"],
        `arn:aws:events:${region}:${account}:connection/stripe/81210c42-8af1-456b-9c4a-6ff02fc664ac`,
      ),
      allow(
        ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        `arn:aws:secretsmanager:${region}:${account}:secret:events!connection/stripe/*`,
      ),
    ],
  },
  {
    name: "api-gateway-iam",
    definition: task(
      "A",
      apiGateway.invoke({
        ApiEndpoint: "abc123.execute-api.us-east-1.amazonaws.com",
        Method: "POST",
        Stage: "prod",
        Path: "bills/add",
        AuthType: "IAM_ROLE",
      }),
    ),
    expected: [allow(["execute-api:Invoke"], `arn:aws:execute-api:us-east-1:${account}:abc123/prod/POST/bills/add`)],
  },
  {
    name: "api-gateway-open",
    definition: task("A", apiGateway.invoke({ ApiEndpoint: "abc123.execute-api.us-east-1.amazonaws.com", Method: "GET" })),
    expected: [],
  },
  {
    name: "athena-sync",
    definition: task("Q", athena.startQueryExecution({ QueryString: "SELECT 1", WorkGroup: "reports" }).sync()),
    expected: [
      allow(
        ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetDataCatalog"],
        `arn:aws:athena:${region}:${account}:workgroup/reports`,
        `arn:aws:athena:${region}:${account}:datacatalog/*`,
      ),
      allow(athenaS3, "arn:aws:s3:::*"),
      allow(
        athenaGlue,
        `arn:aws:glue:${region}:${account}:catalog`,
        `arn:aws:glue:${region}:${account}:database/*`,
        `arn:aws:glue:${region}:${account}:table/*`,
      ),
      allow(["lakeformation:GetDataAccess"], "*"),
    ],
    why: "AWS documents Lake Formation's data access with no narrower resource",
  },
  {
    name: "athena-results",
    definition: task("R", athena.getQueryResults({ QueryExecutionId: "q-1" })),
    expected: [
      allow(["athena:GetQueryResults"], `arn:aws:athena:${region}:${account}:workgroup/*`),
      allow(["s3:GetObject"], "arn:aws:s3:::*"),
    ],
  },
  {
    name: "sagemaker-sync",
    definition: task(
      "T",
      sagemaker
        .createTrainingJob({
          TrainingJobName: "churn",
          RoleArn: `arn:aws:iam::${account}:role/trainer`,
          AlgorithmSpecification: { TrainingInputMode: "File", TrainingImage: "image" },
          OutputDataConfig: { S3OutputPath: "s3://models/churn" },
          ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        })
        .sync(),
    ),
    expected: [
      allow(
        ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"],
        `arn:aws:sagemaker:${region}:${account}:training-job/churn*`,
      ),
      allow(["sagemaker:ListTags"], "*"),
      {
        Action: ["iam:PassRole"],
        Resource: [`arn:aws:iam::${account}:role/trainer`],
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
      allow(ruleActions, rule("StepFunctionsGetEventsForSageMakerTrainingJobsRule")),
    ],
    why: "AWS documents sagemaker:ListTags with no narrower resource",
  },
  {
    name: "emr-serverless-sync",
    definition: task(
      "E",
      emrServerless.startJobRun({ ApplicationId: "00fq5n6h21j9rn09", ExecutionRoleArn: `arn:aws:iam::${account}:role/emr-job` }).sync(),
    ),
    expected: [
      allow(["emr-serverless:StartJobRun"], `arn:aws:emr-serverless:${region}:${account}:/applications/00fq5n6h21j9rn09`),
      {
        Action: ["iam:PassRole"],
        Resource: [`arn:aws:iam::${account}:role/emr-job`],
        Condition: { StringEquals: { "iam:PassedToService": "emr-serverless.amazonaws.com" } },
      },
      allow(
        ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"],
        `arn:aws:emr-serverless:${region}:${account}:/applications/00fq5n6h21j9rn09/jobruns/*`,
      ),
      allow(ruleActions, rule("StepFunctionsGetEventsForEMRServerlessJobRule")),
    ],
  },
  {
    name: "schedule",
    definition: task(
      "S",
      scheduler.createSchedule({
        Name: "remind",
        ScheduleExpression: "rate(1 day)",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: { Arn: `arn:aws:sqs:${region}:${account}:reminders`, RoleArn: `arn:aws:iam::${account}:role/scheduler` },
      }),
    ),
    expected: [
      allow(["scheduler:CreateSchedule"], `arn:aws:scheduler:${region}:${account}:schedule/default/remind`),
      {
        Action: ["iam:PassRole"],
        Resource: [`arn:aws:iam::${account}:role/scheduler`],
        Condition: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      },
    ],
  },
  {
    name: "s3-get",
    definition: task("G", s3.getObject({ Bucket: "reports", Key: "today.json" })),
    expected: [allow(["s3:GetObject"], "arn:aws:s3:::reports/today.json")],
  },
  {
    name: "s3-put-any-key",
    definition: task("P", s3.putObject({ Bucket: "reports" })).parameters(($: Ref<{ id: string }>) => ({ Key: $.id, Body: "x" })),
    expected: [allow(["s3:PutObject"], "arn:aws:s3:::reports/*")],
  },
  {
    name: "s3-copy",
    definition: task("C", s3.copyObject({ Bucket: "archive", Key: "2026/today.json", CopySource: "reports/today.json" })),
    expected: [allow(["s3:GetObject"], "arn:aws:s3:::reports/today.json"), allow(["s3:PutObject"], "arn:aws:s3:::archive/2026/today.json")],
  },
  {
    name: "s3-by-sdk",
    definition: task("G", sdk("s3", "getObject", { Bucket: "reports", Key: "today.json" })),
    expected: [allow(["s3:GetObject"], "arn:aws:s3:::reports/today.json")],
  },
  {
    name: "secret",
    definition: task("S", secretsManager.getSecretValue({ SecretId: "prod/db" })),
    expected: [allow(["secretsmanager:GetSecretValue"], `arn:aws:secretsmanager:${region}:${account}:secret:prod/db-??????`)],
  },
  {
    name: "parameter",
    definition: task("P", ssm.getParameter({ Name: "/prod/db/host", WithDecryption: true })),
    expected: [allow(["ssm:GetParameter"], `arn:aws:ssm:${region}:${account}:parameter/prod/db/host`)],
  },
  {
    name: "dynamodb-query-index",
    definition: task("Q", dynamodb.query("Orders", { IndexName: "byCustomer", KeyConditionExpression: "customer = :c" })),
    expected: [allow(["dynamodb:Query"], `arn:aws:dynamodb:${region}:${account}:table/Orders/index/byCustomer`)],
  },
  {
    name: "dynamodb-scan",
    definition: task("S", dynamodb.scan("Orders", { Limit: 100 })),
    expected: [allow(["dynamodb:Scan"], `arn:aws:dynamodb:${region}:${account}:table/Orders`)],
  },
  // Non-integration causes.
  {
    name: "distributed-map",
    definition: map("Files", { items: "$.files", mode: "DISTRIBUTED", executionType: "STANDARD" }).process(pass("P")),
    expected: [
      allow(["states:StartExecution"], `arn:aws:states:${region}:${account}:stateMachine:${"${var.name_prefix}"}distributed-map`),
      allow(
        ["states:DescribeExecution", "states:StopExecution"],
        `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}distributed-map/*`,
      ),
      allow(["states:RedriveExecution"], `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}distributed-map/*`),
    ],
  },
  {
    name: "reader-object",
    definition: map("Rows", {
      mode: "DISTRIBUTED",
      executionType: "EXPRESS",
      itemReader: {
        action: "getObject",
        parameters: { Bucket: "data", Key: "in/rows.csv" },
        readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW" },
      },
    }).process(pass("P")),
    expected: [
      allow(["states:StartExecution"], `arn:aws:states:${region}:${account}:stateMachine:${"${var.name_prefix}"}reader-object`),
      allow(
        ["states:DescribeExecution", "states:StopExecution"],
        `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}reader-object/*`,
      ),
      allow(["states:RedriveExecution"], `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}reader-object/*`),
      allow(["s3:GetObject"], "arn:aws:s3:::data/in/rows.csv"),
    ],
  },
  {
    name: "reader-list-writer",
    definition: map("Objects", {
      mode: "DISTRIBUTED",
      executionType: "STANDARD",
      itemReader: { action: "listObjectsV2", parameters: { Bucket: "data", Prefix: "in/" } },
      resultWriter: { parameters: { Bucket: "results", Prefix: "runs" }, writerConfig: { outputType: "JSONL" } },
    }).process(pass("P")),
    expected: [
      allow(["states:StartExecution"], `arn:aws:states:${region}:${account}:stateMachine:${"${var.name_prefix}"}reader-list-writer`),
      allow(
        ["states:DescribeExecution", "states:StopExecution"],
        `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}reader-list-writer/*`,
      ),
      allow(["states:RedriveExecution"], `arn:aws:states:${region}:${account}:execution:${"${var.name_prefix}"}reader-list-writer/*`),
      allow(["s3:ListBucket"], "arn:aws:s3:::data"),
      allow(["s3:GetObject"], "arn:aws:s3:::data/in/*"),
      allow(["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"], "arn:aws:s3:::results/runs/*"),
    ],
  },
  {
    name: "credentials",
    definition: task("X", lambda.invoke(fn("audit"))).credentials(`arn:aws:iam::210987654321:role/auditor`),
    expected: [
      allow(["lambda:InvokeFunction"], fn("audit"), `${fn("audit")}:*`),
      allow(["sts:AssumeRole"], "arn:aws:iam::210987654321:role/auditor"),
    ],
  },
  {
    name: "observability",
    definition: pass("P"),
    options: { logging: { level: "ERROR" }, tracing: true },
    expected: [
      allow(
        [
          "logs:CreateLogDelivery",
          "logs:GetLogDelivery",
          "logs:UpdateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups",
        ],
        "*",
      ),
      allow(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], "*"),
    ],
  },
  {
    name: "encrypted",
    definition: pass("P"),
    options: { encryption: { kmsKey: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
    expected: [
      {
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: [`arn:aws:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
        Condition: {
          StringEquals: {
            "kms:EncryptionContext:aws:states:stateMachineArn": `arn:aws:states:${region}:${account}:stateMachine:${"${var.name_prefix}"}encrypted`,
          },
        },
      },
    ],
  },
];

const workflows: Pick<Workflow<unknown, unknown>, "name" | "assemble">[] = [
  child,
  ...table.map((row) => workflow(row.name, { ...row.options, definition: row.definition as never })),
];

/** A statement as compared: actions and resources as sets (the emitter sorts them), the condition as written. */
const normalized = (s: { Action: string | string[]; Resource: string | string[]; Condition?: unknown }) => ({
  Action: [...[s.Action].flat()].sort(),
  Resource: [...[s.Resource].flat()].sort(),
  ...(s.Condition ? { Condition: s.Condition } : {}),
});
const sortedByJson = <T>(list: T[]) => list.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

const userResources = `resource "aws_lambda_function" "charge" {
  function_name = "charge"
  role          = "arn:aws:iam::${account}:role/charge"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "charge.zip"
}
`;

let module: TerraformModule;
let dir: string;
const policies = new Map<string, ReturnType<typeof normalized>[]>();

beforeAll(async () => {
  // Names reach the role's policy as the emitter writes them; `name_prefix` is empty by default.
  module = await emitTerraform(
    workflows.map((w) => ({ ir: w.assemble().ir, file: "policy-table.ts", exportName: w.name })),
    { region, account },
  );
  // The user's own module declares what `tf(...)` refers to.
  dir = writeModule({ ...module.files, "user.tf": userResources });
  for (const [file, text] of Object.entries(module.files).filter(([f]) => f.endsWith(".tf"))) {
    const parsed = (await parse(file, text)) as { resource?: { aws_iam_role_policy?: Record<string, { policy: string }[]> } };
    for (const [id, [block]] of Object.entries(parsed.resource?.aws_iam_role_policy ?? {})) {
      // `policy = jsonencode({ ... })`: the object inside, read by HashiCorp's parser as well.
      const inner = block!.policy.replace(/^\$\{jsonencode\(/, "").replace(/\)\}$/, "");
      const { p } = (await parse("policy.tf", `p = ${inner}\n`)) as {
        p: { Statement: { Effect: string; Action: string[]; Resource: string | string[]; Condition?: unknown }[] };
      };
      expect(p.Statement.every((s) => s.Effect === "Allow")).toBe(true);
      policies.set(id, sortedByJson(p.Statement.map(normalized)));
    }
  }
}, 240_000);

describe("the role's policy, per integration and pattern and per cause, as Terraform reads it", () => {
  test.each(table.map((row) => [row.name, row] as const))("%s", (name, row) => {
    const id = name.replaceAll("-", "_");
    const expected = sortedByJson(
      row.expected.map((s) =>
        normalized({ Action: [...s.Action], Resource: [...s.Resource], ...(s.Condition ? { Condition: s.Condition } : {}) }),
      ),
    );
    expect(policies.get(id) ?? []).toEqual(expected);
    if (row.why) expect(module.files[`${name}.tf`]).toContain(`# "*": ${row.why}`);
  });

  test('every "*" in any policy comes with the reason AWS documents no narrower resource', () => {
    for (const [file, text] of Object.entries(module.files).filter(([f]) => f.endsWith(".tf"))) {
      const stars = text.split("\n").filter((line) => /^\s+Resource = "\*"$/.test(line)).length;
      const reasons = text.split("\n").filter((line) => /^\s+# "\*": \S/.test(line)).length;
      expect(reasons, file).toBe(stars);
    }
  });

  test("Terraform accepts the whole table as one module (init, validate, apply against a mocked provider, fmt)", () => {
    expect(tfcheck(dir)).toBe("tfcheck: valid");
  }, 720_000);
});
