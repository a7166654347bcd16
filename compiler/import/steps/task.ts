import { isJsonObject, type JsonValue } from "../../../src/ir/json.js";
import type { TaskNode } from "../../../src/ir/task.js";
import type { AllMapped } from "../../asl/fields.js";
import { resourceArn } from "../../emit/asl/resource.js";
import { type Code, json, method } from "../base/code.js";
import { builderCode, selectorCode } from "../base/template.js";
import { errorMethods, headMethods, numberOrPath, outputAndAssign, pathMethod, resultMethods } from "./common.js";
import { dslCall, dslValue, type StepContext } from "./context.js";
import { serviceCall } from "./services.js";

/**
 * An integration and the request the user still builds (`undefined`: none, the integration's
 * default), or the path of the input that is its payload (`($) => $.order`).
 */
interface Integration {
  readonly code: Code;
  readonly request: JsonValue | undefined;
  readonly payloadPath?: string;
}

type Helper = "invoke" | "function" | "activity" | "resource" | "sdk";

/** `.waitForTaskToken()` where the ARN asks for it. */
function withPattern(integration: Code, pattern: string): Code | undefined {
  if (pattern === "requestResponse") return integration;
  return pattern === "waitForTaskToken" ? method(integration, "waitForTaskToken", []) : undefined;
}

/**
 * The integration's type arguments: its input (where the step declares the input it takes, and
 * builds no request) and its output (what is read of the result; lambda:invoke's is its Payload).
 */
function typeArguments(helper: Helper, request: JsonValue | undefined, ctx: StepContext): string[] | undefined {
  const result = ctx.types.result;
  const output = result && helper === "invoke" ? result.find(["Payload"]) : result;
  const out = output && !output.empty ? ctx.types.named("result", output) : undefined;
  const input = request === undefined && helper !== "sdk" ? ctx.types.input : undefined;
  if (!out && !input) return undefined;
  return [helper === "sdk" ? "Record<string, unknown>" : (input ?? "unknown"), out ?? "unknown"];
}

/** A function named by a Terraform reference (`tf("aws_lambda_function.charge.arn")`) or by its ARN. */
function functionName(text: string, ctx: StepContext): Code | undefined {
  const reference = ctx.reference(text);
  if (reference !== undefined && !reference.startsWith("aws_sfn_activity.")) return dslCall(ctx, "tf", [json(reference)]);
  return text.startsWith("arn:") ? json(text) : undefined;
}

/**
 * `lambda.invoke("arn:...")` when FunctionName is a literal ARN (or a function's reference) and the
 * payload is all else the request holds: the payload is then what the user builds (the whole input,
 * `Payload.$: "$"`, is the integration's default and needs nothing).
 */
function lambdaInvoke(node: TaskNode, request: JsonValue | undefined, ctx: StepContext): Integration | undefined {
  const name = isJsonObject(request) && typeof request.FunctionName === "string" ? functionName(request.FunctionName, ctx) : undefined;
  if (node.resource.kind !== "integration" || !isJsonObject(request) || !name) return undefined;
  const keys = Object.keys(request).filter((k) => k !== "FunctionName");
  if (keys.length !== 1) return undefined;
  const wholeInput = ctx.language === "JSONata" ? request.Payload === "{% $states.input %}" : request["Payload.$"] === "$";
  const path = request["Payload.$"];
  const payloadPath = !wholeInput && ctx.language === "JSONPath" && typeof path === "string" && path.startsWith("$") ? path : undefined;
  const payload = wholeInput || payloadPath !== undefined ? undefined : keys[0] === "Payload" ? request.Payload : null;
  if (payload === null) return undefined;
  const invoke = method(
    dslValue(ctx, "lambda"),
    "invoke",
    [name],
    typeArguments("invoke", payload ?? (payloadPath !== undefined ? {} : undefined), ctx),
  );
  const integration = withPattern(invoke, node.resource.pattern);
  return integration && { code: integration, request: payload, ...(payloadPath !== undefined ? { payloadPath } : {}) };
}

/** What the Task runs: a typed helper where Stepwright has one that writes the same ASL, else the Resource as written. */
function integrationOf(node: TaskNode, ctx: StepContext): Integration {
  const request = ctx.language === "JSONata" ? node.arguments : node.parameters;
  const r = node.resource;
  const helper = (name: "lambda" | "activity" | "resource" | "sdk", kind: Helper, args: Code[]) =>
    dslCall(ctx, name, args, typeArguments(kind, request, ctx));
  if (r.kind === "integration" && !r.sdk && r.service === "lambda" && r.action === "invoke") {
    const invoke = lambdaInvoke(node, request, ctx);
    if (invoke) return invoke;
  }
  if (r.kind === "integration") {
    const filtered = node.inputPath !== undefined || node.resultSelector !== undefined || node.outputPath !== undefined;
    const service = serviceCall(r, request, filtered, ctx);
    if (service) return service;
  }
  if (r.kind === "integration" && r.sdk) {
    const sdk = withPattern(helper("sdk", "sdk", [json(r.service), json(r.action)]), r.pattern);
    if (sdk) return { code: sdk, request };
  }
  const arn = resourceArn(r, {});
  const fn = r.kind === "arn" ? functionName(arn, ctx) : undefined;
  if (fn && (ctx.reference(arn) !== undefined || /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn)))
    return { code: helper("lambda", "function", [fn]), request };
  if (r.kind === "arn" && /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn))
    return { code: helper("activity", "activity", [json(arn)]), request };
  return { code: helper("resource", "resource", [json(arn)]), request };
}

/** The request builder: `.parameters(($) => ({...}))` or `.arguments(() => ({...}))`; a payload that is a path, `.parameters(($) => $.path)`. */
function requestMethod(step: Code, integration: Integration, ctx: StepContext): Code {
  const declared = ctx.types.input;
  if (integration.payloadPath !== undefined)
    return method(step, "parameters", [selectorCode(integration.payloadPath, ctx.imports, declared)]);
  const request = integration.request!;
  const input = { name: "$", root: { kind: "input" as const }, ...(declared !== undefined ? { declared } : {}) };
  return method(step, ctx.language === "JSONata" ? "arguments" : "parameters", [builderCode(request, ctx.language, ctx.imports, input)]);
}

export function taskCode(node: TaskNode, ctx: StepContext): Code {
  const integration = integrationOf(node, ctx);
  let step = headMethods(dslCall(ctx, "task", [json(node.name), integration.code]), node);
  step = pathMethod(step, node, "inputPath", true, ctx);
  if (integration.request !== undefined || integration.payloadPath !== undefined) step = requestMethod(step, integration, ctx);
  step = resultMethods(step, node, ctx);
  step = pathMethod(step, node, "outputPath", true);
  step = outputAndAssign(step, node, ctx);
  const timeout = numberOrPath(node.timeoutSeconds, node.timeoutSecondsPath, ctx);
  if (timeout) step = method(step, "timeout", [timeout]);
  const heartbeat = numberOrPath(node.heartbeatSeconds, node.heartbeatSecondsPath, ctx);
  if (heartbeat) step = method(step, "heartbeat", [heartbeat]);
  const credentials = node.credentials;
  if (credentials?.roleArn !== undefined && !credentials.roleArn.startsWith("{%"))
    step = method(step, "credentials", [json(credentials.roleArn)]);
  else if (credentials?.roleArnPath?.startsWith("$"))
    step = method(step, "credentials", [selectorCode(credentials.roleArnPath, ctx.imports)]);
  return errorMethods(step, node, ctx);
}

/**
 * The Task fields `taskCode` writes as builder calls, or that are not ASL: a field added to the IR
 * fails here until this file writes it (`stepwright import` would otherwise keep it only as an
 * `.asl()` patch, which builds back to the same definition but reads less well).
 */
type TaskWritten =
  | "kind"
  | "name"
  | "source"
  | "asl"
  | "nextSources"
  | "next"
  | "end"
  | "comment"
  | "queryLanguage"
  | "inputPath"
  | "outputPath"
  | "output"
  | "assign"
  | "resultSelector"
  | "resultPath"
  | "retry"
  | "catch"
  | "resource"
  | "parameters"
  | "arguments"
  | "timeoutSeconds"
  | "timeoutSecondsPath"
  | "heartbeatSeconds"
  | "heartbeatSecondsPath"
  | "credentials"
  | "assumed"
  | "payloadField";
export type TaskImported = AllMapped<Exclude<keyof TaskNode, TaskWritten>>;
