/**
 * Chained Lambdas with branching and error handling: enrich a sign-up, score it, route it by score,
 * and send anything that fails to a dead-letter step with the error attached.
 */
import { and, choice, lambda, pass, States, succeed, task, workflow } from "stepwright";

export interface SignUp {
  userId: string;
  email: string;
  country: string;
}
export interface Enriched extends SignUp {
  company: string;
  employees: number;
}
export interface Scored extends Enriched {
  score: number;
}

export const enrich = task("Enrich", lambda.invoke<SignUp, Enriched>("enrich-signup"))
  .resultSelector((r) => ({ profile: r.Payload }))
  .outputPath("$.profile")
  .retry({ errors: ["Lambda.ServiceException", "Lambda.SdkClientException"], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2 });

export const score = task("Score", lambda<Enriched, Scored>("score-lead"));

export const recordFailure = task(
  "RecordFailure",
  lambda<{ userId: string; failure: { Error: string; Cause: string } }, unknown>("record-failure"),
);

export const assignRep = task("AssignSalesRep", lambda<{ userId: string; score: number; note: string }, { rep: string }>("assign-rep"))
  .parameters(($) => ({ userId: $.userId, score: $.score, note: States.Format("{} ({} employees)", $.company, $.employees) }))
  .resultPath("$.assignment");

export const nurture = task("StartNurture", lambda<Scored, unknown>("start-nurture")).resultPath(null);

const route = choice("RouteByScore")
  .when(($) => and($.score.gte(80), $.employees.gte(50)), assignRep)
  .when(($) => $.score.gte(40), nurture)
  .otherwise(pass("Ignore"));

export const chainedLambdas = workflow("lead-routing", {
  definition: enrich
    .catch("States.ALL", recordFailure, { resultPath: "$.failure" })
    .next(score.catch("States.ALL", recordFailure, { resultPath: "$.failure" }))
    .next(route)
    .next(succeed("Routed")),
});
