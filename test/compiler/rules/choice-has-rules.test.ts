import { describe, expect, test } from "vitest";
import { choice, pass, succeed, workflow } from "stepwright";
import { choiceHasRules } from "../../../compiler/rules/choice-has-rules.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2005 choice-has-rules", () => {
  test("a Choice with only otherwise", async () => {
    await expectFixture("rules/choice-has-rules.ts", {
      code: "SW2005",
      line: 5,
      column: 15,
      steps: ["Route"],
      message: 'Choice "Route" has no rules',
    });
  });

  test("a Choice with a rule is fine", () => {
    const wf = workflow("ok", {
      definition: choice<{ n: number }>("Route")
        .when(($) => $.n.gt(1), pass("Many"))
        .otherwise(succeed("Few")),
    });
    expect(findings(choiceHasRules, wf)).toEqual([]);
  });
});
