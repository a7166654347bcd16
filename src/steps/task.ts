import type { Integration } from "../integrations/integration.js";
import { ResultStep } from "./result-step.js";
import { newDraft } from "./step.js";

/** A Task state, typed by its integration's request and result. */
export type Task<Req, Eff, R> = ResultStep<"Task", Req, Eff, R>;

/**
 * A Task state running `integration` (a Lambda function, a service integration, an activity).
 * @example task("ChargeCard", lambda.invoke<ChargeRequest, Charge>("charge-card"))
 */
export function task<Req, Res, DefaultIn>(name: string, integration: Integration<Req, Res, DefaultIn>): ResultStep<"Task", Req, DefaultIn, Res> {
  if (!integration || typeof integration !== "object" || !("spec" in integration)) {
    throw new TypeError(`task "${name}" needs an integration as its second argument (lambda(...), sqs.sendMessage(...), ...)`);
  }
  return new ResultStep(newDraft("Task", name, { integration: integration.spec })) as never;
}
