import { describe, expect, test } from "vitest";
import { choice, jsonata, pass, succeed, workflow } from "stepwright";
import { jsonataSyntax } from "../../../compiler/rules/jsonata-syntax.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2012 jsonata-syntax", () => {
  test("an expression the JSONata parser rejects", async () => {
    await expectFixture("rules/jsonata-syntax.ts", {
      code: "SW2012",
      line: 6,
      column: 15,
      steps: ["Total"],
      message: 'Step "Total", Output: "{% $sum(items.price %}" is not valid JSONata: Expected ")" before end of expression',
    });
  });

  test("conditions are checked too", () => {
    const wf = workflow("c", {
      queryLanguage: "JSONata",
      definition: choice("C").when(() => jsonata<boolean>`$states.input.n >`, succeed("Y")),
    });
    expect(findings(jsonataSyntax, wf)).toEqual([expect.stringContaining('Step "C", Choices[0].Condition')]);
  });

  test("valid expressions are fine", () => {
    const wf = workflow("ok", {
      queryLanguage: "JSONata",
      definition: pass("P").output(() => jsonata`{ "total": $sum($states.input.items.price) }`),
    });
    expect(findings(jsonataSyntax, wf)).toEqual([]);
  });
});
