import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { stateNameLength } from "../../../compiler/rules/state-name-length.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2002 state-name-length", () => {
  test("a name over 80 characters", async () => {
    const name = "Validate the incoming order against the catalogue, the price list and the stock levels";
    await expectFixture("rules/state-name-length.ts", {
      code: "SW2002",
      line: 5,
      column: 15,
      steps: [name],
      message: "is 86 characters long; AWS allows at most 80",
    });
  });

  test("a control character or line separator (a newline, a tab, U+007F, U+2028) in a name", () => {
    for (const name of ["Line\nbreak", "Tab\there", "Del\u007f", "Line\u2028separator"]) {
      expect(findings(stateNameLength, workflow("w", { definition: pass(name) }))).toEqual([
        `State name ${JSON.stringify(name)} contains a control character or line separator (${JSON.stringify(name.match(/[\u0000-\u001f\u007f\u2028]/)![0])}); AWS does not allow them in names.`,
      ]);
    }
  });

  test("80 characters, counted as characters not bytes, is fine", () => {
    expect(findings(stateNameLength, workflow("ok", { definition: pass("é".repeat(80)) }))).toEqual([]);
    expect(findings(stateNameLength, workflow("long", { definition: pass("é".repeat(81)) }))).toHaveLength(1);
  });
});
