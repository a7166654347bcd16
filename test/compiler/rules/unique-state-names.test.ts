import { describe, expect, test } from "vitest";
import { choice, parallel, pass, succeed, workflow } from "stepwright";
import { uniqueStateNames } from "../../../compiler/rules/unique-state-names.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2001 unique-state-names", () => {
  test("two different states with one name in two branches are reported once, at the second", async () => {
    await expectFixture("rules/unique-state-names.ts", {
      code: "SW2001",
      line: 7,
      column: 5,
      steps: ["Notify"],
      message: 'Two different states are named "Notify"',
    });
  });

  test("one step in two branches is two states with one name: AWS rejects that too", () => {
    const done = succeed("Done");
    const wf = workflow("shared", { definition: parallel("Both", [pass("A").next(done), pass("B").next(done)]) });
    expect(findings(uniqueStateNames, wf)).toEqual([
      'Two different states are named "Done"; state names must be unique in the whole workflow, branches included.',
    ]);
  });

  test("a step reused in one graph (a loop target, a shared end) is one state", () => {
    const done = succeed("Done");
    const wf = workflow("reuse", {
      definition: choice<{ n: number }>("C")
        .when(($) => $.n.gt(1), pass("A").next(done))
        .otherwise(pass("B").next(done)),
    });
    expect(findings(uniqueStateNames, wf)).toEqual([]);
  });
});
