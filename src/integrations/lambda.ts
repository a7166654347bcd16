import type { z } from "zod";
import { defineIntegration, type IamStatement, literalField, resourceOf } from "./descriptor.js";
import { integration, type Integration, type ResourceName, targetOf, withPattern } from "./integration.js";

/** Invoking a function: the function and its versions and aliases (`…:function:name:*`); a function chosen at run time is `"*"`. */
export function invokeFunction(arn: string | undefined): IamStatement {
  if (!arn) return { actions: ["lambda:InvokeFunction"], resources: ["*"], why: "the function is chosen at run time" };
  const base = arn.replace(/^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:]+):.*$/, "$1").replace(/^(\uE000\d+\uE001):.*$/, "$1");
  return { actions: ["lambda:InvokeFunction"], resources: [base, `${base}:*`] };
}

/** The optimized `lambda:invoke` integration. */
export const lambdaInvoke = defineIntegration({
  helper: "lambda.invoke",
  service: "lambda",
  action: "invoke",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["FunctionName"],
  targetField: "FunctionName",
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html",
  iam: ({ target, request }) => [invokeFunction(target ?? literalField(request, "FunctionName"))],
  localRun: "lambda",
});

/** What the optimized `lambda:invoke` integration returns: the function's result is under `Payload`. */
export interface LambdaInvokeResult<Out> {
  Payload: Out;
  StatusCode: number;
  ExecutedVersion: string;
  SdkHttpMetadata?: Record<string, unknown>;
  SdkResponseMetadata?: Record<string, unknown>;
}

export interface LambdaSchemas<I extends z.ZodType, O extends z.ZodType> {
  readonly input?: I;
  readonly output?: O;
}

export interface LambdaInvoke<In, Out> extends Integration<In, LambdaInvokeResult<Out>, In> {
  /**
   * Callback pattern: the task waits until something calls SendTaskSuccess with the task token
   * (put `$$.Task.Token` in the payload); the result is what that call sends.
   */
  waitForTaskToken<CallbackOut = unknown>(): Integration<In, CallbackOut, In>;
}

/**
 * The Invoke request, in the Lambda API's own field names and types
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html); the function is named apart,
 * as for the shorthand (a name, an ARN or `tf(...)`).
 */
export interface InvokeRequest {
  /** The event: JSON the function receives. */
  readonly Payload?: unknown;
  readonly InvocationType?: "RequestResponse" | "Event" | "DryRun";
  readonly Qualifier?: string;
  /** Base64-encoded JSON, up to 3,583 bytes. */
  readonly ClientContext?: string;
  readonly LogType?: "None" | "Tail";
}

/** lambda.invoke with the request as AWS takes it: the fields given, and what `.parameters`/`.arguments` builds. */
export interface LambdaInvokeAws<Out> extends Integration<Partial<InvokeRequest>, LambdaInvokeResult<Out>, unknown> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<InvokeRequest>, CallbackOut, unknown>;
}

/**
 * Invokes a function through the optimized integration (its result under `Payload`). Given a
 * request (the second argument, an object of Invoke's fields), the Task sends those fields with
 * what `.parameters`/`.arguments` builds, typed by the request; otherwise the step's input (or
 * what `.parameters` builds) is the Payload, and zod schemas may type it.
 * @example task("ChargeCard", lambda.invoke<ChargeRequest, Charge>("charge-card")).resultSelector((r) => r.Payload)
 */
function invoke<In = unknown, Out = unknown>(fn: ResourceName): LambdaInvoke<In, Out>;
function invoke<I extends z.ZodType, O extends z.ZodType>(
  fn: ResourceName,
  schemas: LambdaSchemas<I, O>,
): LambdaInvoke<z.output<I>, z.output<O>>;
function invoke<Out = unknown>(fn: ResourceName, request: { readonly request: InvokeRequest }): LambdaInvokeAws<Out>;
function invoke(
  fn: ResourceName,
  second?: LambdaSchemas<z.ZodType, z.ZodType> | { readonly request: InvokeRequest },
): LambdaInvoke<unknown, unknown> {
  const resource = resourceOf(lambdaInvoke, { target: targetOf(fn, "lambda") });
  const base =
    second && "request" in second
      ? integration<unknown, unknown>({ resource, fixed: { ...second.request }, patterns: lambdaInvoke.patterns })
      : integration<unknown, unknown>({
          resource,
          wrap: "Payload",
          patterns: lambdaInvoke.patterns,
          ...(second ? { schemas: second } : {}),
        });
  return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
}

/**
 * A Lambda function as the Task's Resource: the state input is the event and the function's
 * return value is the result. `fn` is a function name (resolved with --region/--account), an ARN,
 * or a Terraform reference (`tf("aws_lambda_function.charge.arn")`).
 * @example task("Validate", lambda<Order, { valid: boolean }>("validate-order"))
 */
function lambdaFunction<In = unknown, Out = unknown>(fn: ResourceName): Integration<In, Out>;
function lambdaFunction<I extends z.ZodType, O extends z.ZodType>(
  fn: ResourceName,
  schemas: LambdaSchemas<I, O>,
): Integration<z.output<I>, z.output<O>>;
function lambdaFunction(fn: ResourceName, schemas?: LambdaSchemas<z.ZodType, z.ZodType>): Integration<unknown, unknown> {
  return integration({
    resource: { kind: "function", function: targetOf(fn, "lambda") },
    patterns: ["requestResponse"],
    ...(schemas ? { schemas } : {}),
  });
}

/**
 * Lambda integrations. `lambda(fn)` uses the function ARN as Resource; `lambda.invoke(fn)` uses the
 * optimized `arn:aws:states:::lambda:invoke` (result under `Payload`) and supports `.waitForTaskToken()`.
 */
export const lambda: typeof lambdaFunction & { readonly invoke: typeof invoke } = Object.assign(lambdaFunction, { invoke });
