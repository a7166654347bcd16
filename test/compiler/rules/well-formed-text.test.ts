import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { wellFormedText } from "../../../compiler/rules/well-formed-text.ts";
import { emitTerraform } from "../../../compiler/emit/terraform/index.ts";
import { findings } from "../../support/compile.ts";
import { tfcheck, writeModule } from "../../support/terraform.ts";

describe("SW2021 well-formed-text", () => {
  test("a lone surrogate in a Pass result, a comment or a state name is reported, naming where and which", () => {
    const cut = "😀".slice(0, 1);
    expect(findings(wellFormedText, workflow("w", { definition: pass("P", { result: { note: `half ${cut}` } }) }))).toEqual([
      'Step "P" has the text "half \\ud83d", which holds a lone surrogate (U+D83D) at 5: no UTF-8 text, so neither Terraform nor AWS, can hold it. Remove it, or pair it.',
    ]);
    expect(findings(wellFormedText, workflow("w", { comment: `c${cut}`, definition: pass("P") }))).toHaveLength(1);
    expect(findings(wellFormedText, workflow("w", { definition: pass(`P${"\uDC00"}`) }))).toHaveLength(1);
  });

  test("whole surrogate pairs, NUL and control characters are well-formed: nothing to report", () => {
    expect(
      findings(wellFormedText, workflow("w", { comment: "😀 \u0000 \u2028", definition: pass("P", { result: { a: "😀\u0001" } }) })),
    ).toEqual([]);
  });

  test("why: Terraform itself rejects the module such text would give, and takes a NUL", () => {
    const module = async (text: string) =>
      writeModule(
        (
          await emitTerraform(
            [{ ir: workflow("w", { definition: pass("P", { result: { a: text } }) }).assemble().ir, file: "w.ts", exportName: "w" }],
            { region: "us-east-1", account: "123456789012" },
          )
        ).files,
      );
    return Promise.all([module("\uD800"), module("nul \u0000")]).then(([surrogate, nul]) => {
      expect(() => tfcheck(surrogate)).toThrow(/Cannot encode character/);
      expect(() => tfcheck(nul)).not.toThrow();
    });
  }, 900_000);
});
