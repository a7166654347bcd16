import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { emitAsl, formatAsl } from "../../../../compiler/emit/asl/index.ts";
import { fail, lambda, pass, task, workflow } from "stepwright";
import { emitTerraform } from "../../../../compiler/emit/terraform/index.ts";
import { escapeString, hclValue, objectKey, References } from "../../../../compiler/emit/terraform/hcl.ts";
import { hcleval, writeModule } from "../../../support/terraform.ts";

describe("HCL strings", () => {
  test.each([
    ['say "hi"', 'say \\"hi\\"'],
    ["C:\\temp", "C:\\\\temp"],
    ["line\nnext\ttab\rret", "line\\nnext\\ttab\\rret"],
    ["${var.x} and %{ if }", "$${var.x} and %%{ if }"],
    ["$${already}", "$$${already}"],
    ["café ☕ 😀", "caf\\u00E9 \\u2615 \\U0001F600"],
    ["\u0001\u007f", "\\u0001\\u007F"],
  ])("%j is written %j", (text, escaped) => {
    expect(escapeString(text)).toBe(escaped);
  });

  test("keys: identifiers bare, everything else quoted (keywords too)", () => {
    expect(objectKey("StartAt")).toBe("StartAt");
    expect(objectKey("Charge Card")).toBe('"Charge Card"');
    expect(objectKey("id.$")).toBe('"id.$"');
    expect(objectKey("for")).toBe('"for"');
    expect(objectKey("1st")).toBe('"1st"');
    expect(objectKey("${x}")).toBe('"$${x}"');
  });

  test("terraform fmt alignment: runs of single-line attributes align; a multi-line value stands alone", () => {
    const refs = new References();
    expect(hclValue({ Type: "Task", ResultPath: "$.a", Retry: [1], Next: "B", End: true }, refs)).toBe(
      ["{", '  Type       = "Task"', '  ResultPath = "$.a"', "  Retry = [", "    1,", "  ]", '  Next = "B"', "  End  = true", "}"].join("\n"),
    );
  });

  test("a reference token becomes a bare expression alone, an interpolation inside text", () => {
    const refs = new References();
    const arn = refs.token("data.aws_lambda_function.f.arn");
    expect(hclValue(arn, refs)).toBe("data.aws_lambda_function.f.arn");
    expect(hclValue(`${arn}:live`, refs)).toBe('"${data.aws_lambda_function.f.arn}:live"');
    expect(hclValue("\uE000999\uE001", refs)).toBe('"\\uE000999\\uE001"');
  });
});

// Strings with every character HCL treats specially, and the template sequences. Strings not in
// Unicode NFC are left out: HCL normalizes them, and rule SW2015 reports them instead.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("$", "{", "}", "%", '"', "\\", "\n", "\r", "\t", "${", "%{", "$${", "é", "😀", "\u0000", "\u2028", " ", "a"),
    fc.string({ unit: "grapheme", maxLength: 2 }),
  ),
  minLength: 1,
  maxLength: 24,
}).filter((s) => s === s.normalize("NFC"));

describe("escaping, against HashiCorp's evaluator", () => {
  test("random names, comments, results and causes: the decoded definition always equals the ASL", async () => {
    await fc.assert(
      fc.asyncProperty(tricky, tricky, tricky, tricky, tricky, async (stateName, comment, result, cause, error) => {
        const name = `S ${stateName}`.slice(0, 80);
        const w = workflow("prop", {
          comment,
          definition: pass(name, { result: { [result]: result, list: [result, comment] } })
            .comment(comment)
            .next(task("Call", lambda("arn:aws:lambda:us-east-1:123456789012:function:f")).catch(["States.ALL"], fail(`${name}!`, { error, cause })))
            .next(fail(`Fail ${cause}`.slice(0, 80), { cause })),
        });
        const { ir, problems } = w.assemble();
        if (problems.length > 0) return; // names that collide are a diagnostic, not an output
        const module = await emitTerraform([{ ir, file: "prop.ts", exportName: "w" }], { region: "us-east-1", account: "123456789012" });
        const evaluated = hcleval(writeModule(module.files));
        // Every Resource is an ARN here: the decoded definition must be the ASL itself, as the .asl.json holds it.
        const asl = JSON.parse(await formatAsl(emitAsl(ir, { region: "us-east-1", account: "123456789012" })));
        expect(evaluated.state_machines.prop!.definition).toEqual(asl);
        expect(JSON.stringify(asl)).toContain(JSON.stringify(result).slice(1, -1));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  test("the same in templatefile mode", async () => {
    await fc.assert(
      fc.asyncProperty(tricky, tricky, async (result, cause) => {
        const fn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        const w = workflow("prop", { definition: pass("P", { result: { [result]: result } }).next(task("F", lambda(fn))).next(fail("F2", { cause })) });
        const { ir } = w.assemble();
        const module = await emitTerraform([{ ir, file: "prop.ts", exportName: "w" }], { definition: "templatefile" });
        expect(hcleval(writeModule(module.files)).state_machines.prop!.definition).toEqual(JSON.parse(await formatAsl(emitAsl(ir))));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
