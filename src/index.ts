/**
 * Stepwright: AWS Step Functions workflows as typed TypeScript.
 * Steps are immutable builders; `workflow(...)` assembles them into IR that the compiler emits as ASL and Terraform.
 */
// First: on a Node older than the package needs, importing it stops here with one clear line.
import "./supported-node.js";

export { task, Task } from "./steps/task.js";
export { pass, Pass } from "./steps/pass.js";
export { wait, Wait, type WaitFor } from "./steps/wait.js";
export { choice, Choice } from "./steps/choice.js";
export { parallel, Parallel } from "./steps/parallel.js";
export { map, MapBuilder, MapStep, type MapItem, type MapOptions } from "./steps/map.js";
export type { ItemReaderOptions, ItemBatcherOptions, ResultWriterOptions } from "./steps/options.js";
export { succeed, Succeed } from "./steps/succeed.js";
export { fail, Fail } from "./steps/fail.js";
export { ResultStep } from "./steps/result-step.js";
export type { Step } from "./steps/step.js";
export type { Chain, Chainable, Terminal, TerminalChain, InputOf, OutputOf, FinalOutputOf } from "./steps/chain.js";
export type { InputAt, ResultAt, OutputAt, Succeeded } from "./steps/flow.js";
export type { Holding, Selecting } from "./steps/types.js";
export type { ErrorName, ErrorOutput, RetryOptions } from "./steps/types.js";
export { workflow, Workflow, isWorkflow, type WorkflowOptions, type AssembledWorkflow } from "./workflow.js";

export { and, or, not, Condition } from "./data/condition.js";
export { $$, variable, jsonPath, type ContextObject } from "./data/proxy.js";
export { stringPath, booleanPath, timestamp, type Ref, type Timestamp } from "./data/ref.js";
export type { JsonPath, AtPath } from "./data/path-string.js";
export { States, intrinsic, type Intrinsic } from "./data/intrinsic.js";
export { jsonata, type JsonataExpr } from "./data/jsonata.js";
export type { Template, Resolve } from "./data/template.js";

export { lambda, type LambdaInvokeResult } from "./integrations/lambda.js";
export { sqs } from "./integrations/sqs.js";
export { sns } from "./integrations/sns.js";
export {
  dynamodb,
  type AttributeValue,
  type AttributeMap,
  type FoundItemResult,
  type GetItemOptions,
  type GetItemResult,
} from "./integrations/dynamodb.js";
export { ecs, type EcsTask } from "./integrations/ecs.js";
export { emrServerless, type EmrServerlessJobRun } from "./integrations/emr-serverless.js";
export { glue, type GlueJobRun } from "./integrations/glue.js";
export { batch, type BatchJob } from "./integrations/batch.js";
export { eventBridge } from "./integrations/event-bridge.js";
export { stepFunctions, type ChildExecution } from "./integrations/step-functions.js";
export { apiGateway, type ApiGatewayResult } from "./integrations/api-gateway.js";
export { athena, type QueryExecution } from "./integrations/athena.js";
export { bedrock, type InvokeModelResult } from "./integrations/bedrock.js";
export { codebuild, type CodeBuildBuild } from "./integrations/codebuild.js";
export { http, type HttpResult } from "./integrations/http.js";
export { s3 } from "./integrations/s3.js";
export { sagemaker, type TrainingJob } from "./integrations/sagemaker.js";
export { scheduler } from "./integrations/scheduler.js";
export { secretsManager } from "./integrations/secrets-manager.js";
export { ssm } from "./integrations/ssm.js";
export { sdk } from "./integrations/sdk.js";
export { activity } from "./integrations/activity.js";
export { resource } from "./integrations/resource.js";
export { tf, type Integration, type TerraformRef } from "./integrations/integration.js";
export type { Problem } from "./lower/problem.js";

export type * as ir from "./ir/index.js";
export { defineConfig, type StepwrightConfig } from "./config.js";
