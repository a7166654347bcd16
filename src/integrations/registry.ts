import type { IntegrationResource } from "../ir/resource.js";
import { apiGatewayInvoke } from "./api-gateway.js";
import { athenaGetQueryResults, athenaStartQueryExecution } from "./athena.js";
import { batchSubmitJob } from "./batch.js";
import { bedrockInvokeModel } from "./bedrock.js";
import { codebuildStartBuild } from "./codebuild.js";
import type { IntegrationDescriptor } from "./descriptor.js";
import { dynamodbDeleteItem, dynamodbGetItem, dynamodbPutItem, dynamodbQuery, dynamodbScan, dynamodbUpdateItem } from "./dynamodb.js";
import { ecsRunTask } from "./ecs.js";
import { emrServerlessStartJobRun } from "./emr-serverless.js";
import { eventBridgePutEvents } from "./event-bridge.js";
import { glueStartJobRun } from "./glue.js";
import { httpInvoke } from "./http.js";
import { lambdaInvoke } from "./lambda.js";
import { snsPublish } from "./sns.js";
import { sqsSendMessage } from "./sqs.js";
import { s3CopyObject, s3GetObject, s3PutObject } from "./s3.js";
import { sagemakerCreateTrainingJob } from "./sagemaker.js";
import { schedulerCreateSchedule } from "./scheduler.js";
import { secretsManagerGetSecretValue } from "./secrets-manager.js";
import { ssmGetParameter } from "./ssm.js";
import { stepFunctionsStartExecution } from "./step-functions.js";

/** Every optimized integration Stepwright knows, each described in its own file. */
export const integrationDescriptors = [
  lambdaInvoke,
  sqsSendMessage,
  snsPublish,
  dynamodbGetItem,
  dynamodbPutItem,
  dynamodbUpdateItem,
  dynamodbDeleteItem,
  ecsRunTask,
  glueStartJobRun,
  batchSubmitJob,
  eventBridgePutEvents,
  stepFunctionsStartExecution,
  bedrockInvokeModel,
  codebuildStartBuild,
  httpInvoke,
  apiGatewayInvoke,
  athenaStartQueryExecution,
  athenaGetQueryResults,
  sagemakerCreateTrainingJob,
  emrServerlessStartJobRun,
  // AWS SDK integrations Stepwright types.
  dynamodbQuery,
  dynamodbScan,
  s3GetObject,
  s3PutObject,
  s3CopyObject,
  secretsManagerGetSecretValue,
  ssmGetParameter,
  schedulerCreateSchedule,
] as const;

/** `"lambda:invoke"`, `"sqs:sendMessage"`, ...: the integrations by id. */
export type IntegrationId = (typeof integrationDescriptors)[number]["id"];

const byId = new Map<string, IntegrationDescriptor>(integrationDescriptors.map((d) => [d.id, d]));

/** What Stepwright knows of a Task's integration: undefined for SDK calls it does not type, and unknown ones. */
export function descriptorOf(resource: IntegrationResource): IntegrationDescriptor | undefined {
  return byId.get(`${resource.sdk ? "aws-sdk:" : ""}${resource.service}:${resource.action}`);
}
