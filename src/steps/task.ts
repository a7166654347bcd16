import type { Integration } from "../integrations/integration.js";
import type { ContextObject } from "../data/proxy.js";
import type { JsonPath } from "../data/path-string.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { JsonataExpr } from "../data/jsonata.js";
import type { Resolve, Template } from "../data/template.js";
import type { OutputAt } from "./flow.js";
import { numberOrPath, recordSelector } from "./io.js";
import { type Call, ResultStep } from "./result-step.js";
import { newDraft } from "./step.js";
import type { Picked } from "./types.js";

/** Type-only marker of a step's integration request and result (its key's type is unexported: never offered by the editor). */
declare const taskIoKey: unique symbol;
export const taskIo: typeof taskIoKey = Symbol.for("stepwright.taskIo") as typeof taskIoKey;

type Seconds<In> = number | JsonataExpr<number> | JsonPath<In> | (($: Ref<In>) => RefBase<number>);

/**
 * A Task state: takes `In`, gives `Out` (a recipe where it depends on the input: `ResultAt<"$.charge", Charge>`
 * is the input with the result at `$.charge`), and calls an integration: `Io` is `(request: Req) => Res`.
 */
export class Task<In, Out, Io extends Call> extends ResultStep<"Task", In, Out, Io> {
  /** Type-only: what the step's integration receives and returns (what a test mock stands in for). */
  declare readonly [taskIoKey]: Io;

  /**
   * Fails the task with States.Timeout after this many seconds (a number, a path, or a JSONata expression).
   * @example ship.timeout(300)
   */
  timeout(seconds: Seconds<In>): this {
    const { value, path } = numberOrPath(seconds);
    return this.with({ timeoutSeconds: value, timeoutSecondsPath: path });
  }

  /**
   * Fails the task with States.HeartbeatTimeout if no heartbeat arrives for this many seconds.
   * @example task("Approve", activity("arn:aws:states:us-east-1:123456789012:activity:approve")).heartbeat(3600)
   */
  heartbeat(seconds: Seconds<In>): this {
    const { value, path } = numberOrPath(seconds);
    return this.with({ heartbeatSeconds: value, heartbeatSecondsPath: path });
  }

  /**
   * Runs the task with another IAM role (cross-account): a role ARN, or a path to read it from.
   * @example ship.credentials("arn:aws:iam::210987654321:role/shipping")
   */
  credentials(roleArn: string | (($: Ref<In>) => RefBase<string>)): this {
    return this.with({ credentials: typeof roleArn === "string" ? { roleArn } : { roleArnPath: recordSelector(roleArn) } });
  }
}

/**
 * A Task state running `integration` (a Lambda function, a service integration, an activity).
 * @example task("ChargeCard", lambda.invoke<ChargeRequest, Charge>("charge-card"))
 */
// The form with a request builder comes first: its parameter takes its type from the first overload tried.
export function task<Req, Res, DefaultIn, In = any, O = never>(
  name: string,
  integration: Integration<Req, Res, DefaultIn>,
  request: TaskRequest<In, Req, Res, O>,
): Task<In, [O] extends [never] ? Res : OutputAt<Picked<Resolve<O>>, Res>, (request: Req) => Res>;
export function task<Req, Res, DefaultIn>(
  name: string,
  integration: Integration<Req, Res, DefaultIn>,
): Task<DefaultIn, Res, (request: Req) => Res>;
export function task(
  name: string,
  integration: Integration<unknown, unknown, unknown>,
  request?: TaskRequest<any, unknown, unknown, unknown>,
): unknown {
  if (!integration || typeof integration !== "object" || !("spec" in integration)) {
    throw new TypeError(`task "${name}" needs an integration as its second argument (lambda(...), sqs.sendMessage(...), ...)`);
  }
  const step = new Task<any, unknown, Call>(newDraft("Task", name, { integration: integration.spec }));
  if (request === undefined) return step;
  if ("parameters" in request) return step.parameters(request.parameters);
  if ("arguments" in request) {
    const built = step.arguments(request.arguments);
    return request.output ? built.output(request.output) : built;
  }
  throw new TypeError(`task "${name}": the third argument is { parameters } or { arguments }`);
}

/**
 * The request built from the step's input, given with the task: written inline, `$` is the output
 * of the step before (`.next(task("Charge", charge, { parameters: $ => ({ amount: $.total }) }))`).
 */
export type TaskRequest<In, Req, Res = unknown, O = never> =
  | { readonly parameters: ($: Ref<In>, $$: Ref<ContextObject>) => Template<Req> }
  | {
      readonly arguments: ($: Ref<In>, $$: Ref<ContextObject>) => Template<Req>;
      /** JSONata `Output`, from the input and the result: `output: ($, result) => ({ ...})`. */
      readonly output?: ($: Ref<In>, result: Ref<Res>, $$: Ref<ContextObject>) => O;
    };
