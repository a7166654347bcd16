/**
 * Approval workflow: send the request to an approver with a task token (the callback pattern), wait
 * up to a day for the answer, then act on it.
 */
import { $$, choice, fail, lambda, pass, sqs, succeed, task, workflow } from "stepwright";

export interface ExpenseClaim {
  claimId: string;
  employee: string;
  amount: number;
  approverEmail: string;
}
export interface Decision {
  approved: boolean;
  comment?: string;
}

export const requestApproval = task(
  "RequestApproval",
  sqs.sendMessage("https://sqs.us-east-1.amazonaws.com/123456789012/approvals").waitForTaskToken<Decision>(),
)
  .parameters(($) => ({
    claimId: $.claimId,
    amount: $.amount,
    approver: $.approverEmail,
    taskToken: $$.Task.Token,
  }))
  .resultPath("$.decision")
  .timeout(86400)
  .catch("States.Timeout", fail("ApprovalTimedOut", { error: "ApprovalTimedOut", cause: "No decision within a day" }));

export const pay = task("PayClaim", lambda<ExpenseClaim & { decision: Decision }, { paymentId: string }>("pay-claim")).resultPath(
  "$.payment",
);
export const reject = task("NotifyRejection", lambda<ExpenseClaim & { decision: Decision }, unknown>("notify-rejection")).resultPath(null);

// The first step declares the workflow input; a step written inline after it takes its input from
// the step before, so `$` is typed with no annotation.
const needsApproval = choice<ExpenseClaim>("NeedsApproval")
  .when(($) => $.amount.gt(500), requestApproval)
  .otherwise(pass("AutoApprove").result({ approved: true, comment: "under the limit" }).resultPath("$.decision"))
  .next(
    choice("IsApproved", (c) =>
      c
        .when(($) => $.decision.approved.eq(true), pay.next(succeed("Paid")))
        .otherwise(reject.next(fail("Rejected", { error: "ClaimRejected", cause: "The approver rejected the claim" }))),
    ),
  );

export const approval = workflow("expense-approval", { definition: needsApproval });
