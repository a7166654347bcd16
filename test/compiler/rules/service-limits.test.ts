import { describe, expect, test } from "vitest";
import { lambda, task, wait, workflow } from "stepwright";
import { serviceLimits } from "../../../compiler/rules/service-limits.ts";
import { expectFixture, findings } from "../../support/compile.ts";

const fn = lambda("arn:aws:lambda:us-east-1:123456789012:function:f");

describe("SW2009 service-limits", () => {
  test("a heartbeat not below the timeout", async () => {
    await expectFixture("rules/service-limits.ts", {
      code: "SW2009",
      line: 5,
      column: 15,
      steps: ["Transcode"],
      message: "heartbeatSeconds (120) must be less than timeoutSeconds (60)",
    });
  });

  test("a Wait longer than a year, a fractional timeout, retrier fields out of range, a workflow timeout over a year", () => {
    const wf = workflow("limits", {
      timeoutSeconds: 40_000_000,
      definition: wait("Forever", { seconds: 40_000_000 }).next(
        task("T", fn)
          .timeout(1.5)
          .retry({ errors: ["States.Timeout"], intervalSeconds: 0, backoffRate: 0.5, maxDelaySeconds: 31_622_400 }),
      ),
    });
    expect(findings(serviceLimits, wf)).toEqual([
      'Workflow "limits": timeoutSeconds is 40000000; the most allowed is 31536000 (an execution lasts at most a year).',
      'Step "Forever": seconds is 40000000; the most allowed is 31536000 (an execution lasts at most a year).',
      'Step "T": timeoutSeconds must be a whole number, not 1.5.',
      'Step "T": the retrier for States.Timeout: intervalSeconds is 0; the least allowed is 1.',
      'Step "T": the retrier for States.Timeout: backoffRate is 0.5; the least allowed is 1.',
      'Step "T": the retrier for States.Timeout: maxDelaySeconds is 31622400; the most allowed is 31622399 (AWS\'s limit).',
    ]);
  });

  test("values within the limits are fine", () => {
    const wf = workflow("ok", {
      definition: task("T", fn)
        .timeout(300)
        .heartbeat(60)
        .retry({ errors: ["States.ALL"], intervalSeconds: 1, maxAttempts: 0, backoffRate: 1, maxDelaySeconds: 60 }),
    });
    expect(findings(serviceLimits, wf)).toEqual([]);
  });
});
