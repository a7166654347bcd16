import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { unicodeNormalized } from "../../../compiler/rules/unicode-normalized.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2015 unicode-normalized", () => {
  test("a Choice literal Terraform would normalize", async () => {
    await expectFixture("rules/unicode-normalized.ts", {
      code: "SW2015",
      line: 5,
      column: 15,
      steps: ["Route"],
      message: `Step "Route" has the text "A\u030Alborg", which is not in Unicode NFC; Terraform would deploy it as "\u00C5lborg".`,
    });
  });

  test("keys, names and the workflow comment are checked; NFC text of any script is fine", () => {
    expect(findings(unicodeNormalized, workflow("w", { comment: "e\u0301", definition: pass("P") }))).toEqual([
      expect.stringContaining('Workflow "w" has the text'),
    ]);
    expect(findings(unicodeNormalized, workflow("w", { definition: pass("P", { result: { "\uF900": 1 } }) }))).toHaveLength(1);
    expect(findings(unicodeNormalized, workflow("w", { definition: pass("Straße 東京 😀", { result: { café: "naïve" } }) }))).toEqual([]);
  });
});
