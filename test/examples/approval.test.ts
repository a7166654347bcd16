import { describe, expect, test } from "vitest";
import { approval } from "../../examples/approval.ts";
import { aslOf, failing, run, validate } from "../support/oracles.ts";
import { exampleInputs } from "../support/example-inputs.ts";

const asl = aslOf(approval);
const claim = exampleInputs["expense-approval"];

describe("example: approval workflow", () => {
  test("is valid ASL with a callback task", () => {
    expect(validate(asl)).toEqual([]);
    expect(asl.States.RequestApproval.Resource).toBe("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
  });

  test("a large claim waits for the approver's answer, then is paid", async () => {
    let message: any;
    const result = await run(asl, claim, {
      RequestApproval: (req) => ((message = req), { approved: true }),
      PayClaim: () => ({ paymentId: "p1" }),
    });
    expect(message.MessageBody).toEqual({ claimId: "c1", amount: 900, approver: "boss@example.com", taskToken: "local-task-token" });
    expect(result.path).toEqual(["NeedsApproval", "RequestApproval", "IsApproved", "PayClaim", "Paid"]);
    expect(result.output).toEqual({ ...claim, decision: { approved: true }, payment: { paymentId: "p1" } });
  });

  test("a small claim is approved without asking", async () => {
    const result = await run(asl, { ...claim, amount: 20 }, { PayClaim: () => ({ paymentId: "p2" }) });
    expect(result.path).toEqual(["NeedsApproval", "AutoApprove", "IsApproved", "PayClaim", "Paid"]);
  });

  test("a rejection notifies and fails; no answer in time fails as ApprovalTimedOut", async () => {
    const rejected = await run(asl, claim, { RequestApproval: () => ({ approved: false }), NotifyRejection: () => ({}) });
    expect(rejected.error).toEqual({ name: "ClaimRejected", cause: "The approver rejected the claim" });
    const timedOut = await run(asl, claim, { RequestApproval: failing(1, "States.Timeout", () => ({})) });
    expect(timedOut.error?.name).toBe("ApprovalTimedOut");
  });
});
