import type { Integration } from "../integrations/integration.js";
import type { ContextObject } from "../data/proxy.js";
import type { Ref } from "../data/ref.js";
import type { Resolve, Template } from "../data/template.js";
import type { Picked } from "./types.js";
import { ResultStep } from "./result-step.js";
import { newDraft } from "./step.js";

/** A Task state, typed by its integration's request and result. */
export type Task<Req, Eff, R> = ResultStep<"Task", Req, Eff, R>;

/**
 * A Task state running `integration` (a Lambda function, a service integration, an activity).
 * @example task("ChargeCard", lambda.invoke<ChargeRequest, Charge>("charge-card"))
 */
// The form with a request builder comes first: its parameter takes its type from the first overload tried.
export function task<Req, Res, DefaultIn, In = any, O = never>(
  name: string,
  integration: Integration<Req, Res, DefaultIn>,
  request: TaskRequest<In, Req, Res, O>,
): ResultStep<"Task", Req, In, Res, "$", [O] extends [never] ? "$" : Picked<Resolve<O>>>;
export function task<Req, Res, DefaultIn>(name: string, integration: Integration<Req, Res, DefaultIn>): ResultStep<"Task", Req, DefaultIn, Res>;
export function task(name: string, integration: Integration<unknown, unknown, unknown>, request?: TaskRequest<any, unknown, unknown, unknown>): unknown {
  if (!integration || typeof integration !== "object" || !("spec" in integration)) {
    throw new TypeError(`task "${name}" needs an integration as its second argument (lambda(...), sqs.sendMessage(...), ...)`);
  }
  const step = new ResultStep(newDraft("Task", name, { integration: integration.spec }));
  if (request === undefined) return step;
  if ("parameters" in request) return step.parameters(request.parameters as never);
  if ("arguments" in request) {
    const built = step.arguments(request.arguments as never);
    return request.output ? built.output(request.output as never) : built;
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
