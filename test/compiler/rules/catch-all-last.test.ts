import { describe, expect, test } from "vitest";
import { fail, lambda, task, workflow } from "stepwright";
import { catchAllLast } from "../../../compiler/rules/catch-all-last.ts";
import { expectFixture, findings } from "../../support/compile.ts";

const fn = lambda("arn:aws:lambda:us-east-1:123456789012:function:charge");

describe("SW2006 catch-all-last", () => {
  test("a retrier for States.ALL before another", async () => {
    await expectFixture("rules/catch-all-last.ts", {
      code: "SW2006",
      line: 5,
      column: 15,
      steps: ["Charge"],
      message: "the retrier for States.ALL must be the last one",
    });
  });

  test("States.ALL with other errors, and a catcher for States.ALL before another", () => {
    const mixed = workflow("mixed", { definition: task("T", fn).retry({ errors: ["States.ALL", "States.Timeout"] }) });
    expect(findings(catchAllLast, mixed)).toEqual([
      'Step "T": States.ALL must be the only error of its retrier, not one of [States.ALL, States.Timeout].',
    ]);
    const catchers = workflow("catchers", {
      definition: task("T", fn).catch(["States.ALL"], fail("Any")).catch(["States.Timeout"], fail("Slow")),
    });
    expect(findings(catchAllLast, catchers)).toEqual([
      'Step "T": the catcher for States.ALL must be the last one; the ones after it can never match.',
    ]);
  });

  test("specific errors first, States.ALL last, is fine", () => {
    const wf = workflow("ok", {
      definition: task("T", fn)
        .retry({ errors: ["States.Timeout"] })
        .retry({ errors: ["States.ALL"] })
        .catch(["States.TaskFailed"], fail("F"))
        .catch(["States.ALL"], fail("Any")),
    });
    expect(findings(catchAllLast, wf)).toEqual([]);
  });
});
