/**
 * Stepwright: AWS Step Functions workflows as typed TypeScript.
 * Steps are immutable builders; `workflow(...)` assembles them into IR that the compiler emits as ASL and Terraform.
 */
export { task, type Task } from "./steps/task.ts";
export { pass, Pass } from "./steps/pass.ts";
export { wait, Wait, type WaitFor } from "./steps/wait.ts";
export { choice, Choice } from "./steps/choice.ts";
export { parallel, type Parallel } from "./steps/parallel.ts";
export { map, MapBuilder, type MapItem, type MapOptions, type ItemReaderOptions, type ItemBatcherOptions, type ResultWriterOptions } from "./steps/map.ts";
export { succeed, Succeed } from "./steps/succeed.ts";
export { fail, Fail } from "./steps/fail.ts";
export { ResultStep } from "./steps/result-step.ts";
export type { Step } from "./steps/step.ts";
export type { Chain, Chainable, Terminal, TerminalChain, InputOf, OutputOf } from "./steps/chain.ts";
export type { ErrorName, ErrorOutput, RetryOptions } from "./steps/types.ts";
export { workflow, Workflow, isWorkflow, type WorkflowOptions, type AssembledWorkflow } from "./workflow.ts";

export { and, or, not, Condition } from "./condition.ts";
export { $$, variable, type ContextObject } from "./data/proxy.ts";
export { stringPath, booleanPath, timestamp, type Ref, type Timestamp } from "./data/ref.ts";
export type { JsonPath, AtPath } from "./data/path-string.ts";
export { States, type Intrinsic } from "./data/intrinsic.ts";
export { jsonata, type JsonataExpr } from "./data/jsonata.ts";
export type { Template, Resolve } from "./data/template.ts";

export { lambda, type LambdaInvokeResult } from "./integrations/lambda.ts";
export { sqs } from "./integrations/sqs.ts";
export { sns } from "./integrations/sns.ts";
export { dynamodb, type AttributeValue, type AttributeMap } from "./integrations/dynamodb.ts";
export { ecs, type EcsTask } from "./integrations/ecs.ts";
export { glue, type GlueJobRun } from "./integrations/glue.ts";
export { batch, type BatchJob } from "./integrations/batch.ts";
export { eventBridge } from "./integrations/event-bridge.ts";
export { stepFunctions, type ChildExecution } from "./integrations/step-functions.ts";
export { sdk } from "./integrations/sdk.ts";
export { activity } from "./integrations/activity.ts";
export { tf, type Integration, type TerraformRef } from "./integrations/integration.ts";
export type { Problem } from "./lower/problem.ts";

export type * as ir from "./ir/index.ts";
export { defineConfig, type StepwrightConfig } from "./config.ts";
