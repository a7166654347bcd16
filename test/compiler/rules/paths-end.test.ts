import { describe, expect, test } from "vitest";
import { choice, lambda, pass, succeed, task, wait, workflow } from "stepwright";
import { pathsEnd } from "../../../compiler/rules/paths-end.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2004 paths-end", () => {
  test("a loop with no way out", async () => {
    await expectFixture("rules/paths-end.ts", {
      code: "SW2004",
      line: 4,
      column: 14,
      steps: ["Ping", "Pause"],
      message: '"Ping", "Pause" loop forever',
    });
  });

  test("a polling loop with a Choice that leaves it is fine", () => {
    const poll = task("Poll", lambda<unknown, { done: boolean }>("arn:aws:lambda:us-east-1:123456789012:function:poll"));
    const wf = workflow("poll", {
      definition: poll.next(
        choice<{ done: boolean }>("Done?")
          .when(($) => $.done.eq(true), succeed("Yes"))
          .otherwise(wait("Later", { seconds: 5 }).next(poll)),
      ),
    });
    expect(findings(pathsEnd, wf)).toEqual([]);
  });

  test("a straight chain ends", () => {
    expect(findings(pathsEnd, workflow("straight", { definition: pass("A").next(pass("B")) }))).toEqual([]);
  });
});
