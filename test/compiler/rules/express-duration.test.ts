import { describe, expect, test } from "vitest";
import { lambda, pass, task, wait, workflow } from "stepwright";
import { expressDuration } from "../../../compiler/rules/express-duration.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2008 express-duration", () => {
  test("a ten-minute Wait in an EXPRESS workflow", async () => {
    await expectFixture("rules/express-duration.ts", {
      code: "SW2008",
      line: 6,
      column: 15,
      steps: ["CoolDown"],
      message: 'Step "CoolDown" waits 600 seconds, but it runs in an Express execution',
    });
  });

  test("an EXPRESS workflow timeout and a Task timeout over five minutes", () => {
    const wf = workflow("slow", { type: "EXPRESS", timeoutSeconds: 900, definition: task("Crunch", lambda("fn")).timeout(400) });
    expect(findings(expressDuration, wf)).toEqual([
      'Workflow "slow" is EXPRESS, which runs at most 300 seconds, but its timeoutSeconds is 900.',
      'Step "Crunch" has a timeout of 400 seconds, but it runs in an Express execution, which lasts at most 300 seconds.',
    ]);
  });

  test("five minutes exactly in EXPRESS, and a day in STANDARD, are fine", () => {
    expect(
      findings(
        expressDuration,
        workflow("edge", { type: "EXPRESS", timeoutSeconds: 300, definition: wait("W", { seconds: 300 }).next(pass("P")) }),
      ),
    ).toEqual([]);
    expect(findings(expressDuration, workflow("std", { definition: wait("W", { seconds: 86_400 }) }))).toEqual([]);
  });
});
