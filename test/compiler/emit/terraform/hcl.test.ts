import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { emitAsl, formatAsl } from "../../../../compiler/emit/asl/index.ts";
import { fail, lambda, pass, task, workflow } from "stepwright";
import { emitTerraform } from "../../../../compiler/emit/terraform/index.ts";
import { commentText, escapeString, hclValue, objectKey, References } from "../../../../compiler/emit/terraform/hcl.ts";
import { declaredBlocks, hcl2json, hcleval, writeModule } from "../../../support/terraform.ts";

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
      ["{", '  Type       = "Task"', '  ResultPath = "$.a"', "  Retry = [", "    1,", "  ]", '  Next = "B"', "  End  = true", "}"].join(
        "\n",
      ),
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
const tricky = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("$", "{", "}", "%", '"', "\\", "\n", "\r", "\t", "${", "%{", "$${", "é", "😀", "\u0000", "\u2028", " ", "a"),
      fc.string({ unit: "grapheme", maxLength: 2 }),
    ),
    minLength: 1,
    maxLength: 24,
  })
  .filter((s) => s === s.normalize("NFC"));

describe("escaping, against HashiCorp's evaluator", () => {
  test("random names, comments, results and causes: the decoded definition always equals the ASL", async () => {
    await fc.assert(
      fc.asyncProperty(tricky, tricky, tricky, tricky, tricky, async (stateName, comment, result, cause, error) => {
        const name = `S ${stateName}`.slice(0, 80);
        const w = workflow("prop", {
          comment,
          definition: pass(name, { result: { [result]: result, list: [result, comment] } })
            .comment(comment)
            .next(
              task("Call", lambda("arn:aws:lambda:us-east-1:123456789012:function:f")).catch(
                ["States.ALL"],
                fail(`${name}!`, { error, cause }),
              ),
            )
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
  }, 480_000);

  test("the same in templatefile mode", async () => {
    await fc.assert(
      fc.asyncProperty(tricky, tricky, async (result, cause) => {
        const fn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        const w = workflow("prop", {
          definition: pass("P", { result: { [result]: result } })
            .next(task("F", lambda(fn)))
            .next(fail("F2", { cause })),
        });
        const { ir } = w.assemble();
        const module = await emitTerraform([{ ir, file: "prop.ts", exportName: "w" }], { definition: "templatefile" });
        expect(hcleval(writeModule(module.files)).state_machines.prop!.definition).toEqual(JSON.parse(await formatAsl(emitAsl(ir))));
      }),
      { numRuns: 200 },
    );
  }, 480_000);
});

// Any text at all, lone surrogates and control characters included: what a file name may hold.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\n", "\r", "\u2028", "\u0085", "\u0000", "\uD800", "\uDFFF", '"', "}", "#", "resource "),
    fc.string({ unit: "binary", maxLength: 3 }),
  ),
  maxLength: 40,
});

describe("comments", () => {
  test.each([
    ['a\nresource "null_resource" "x" {}', 'a\\u000Aresource "null_resource" "x" {}'],
    ["nul\u0000 and \uD800 and \u2028", "nul\\u0000 and \\uD800 and \\u2028"],
    ["café 😀 ok", "café 😀 ok"],
  ])("%j is written %j: one line, no character that ends it", (text, written) => {
    expect(commentText(text)).toBe(written);
  });

  test("a source file name can put nothing into the module but its comment line (random names, HashiCorp's parser)", async () => {
    const w = workflow("named", { definition: pass("P") });
    const { ir } = w.assemble();
    const plain = await emitTerraform([{ ir, file: "flow.ts", exportName: "w" }], { region: "us-east-1", account: "123456789012" });
    const expected = declaredBlocks(await hcl2json(writeModule(plain.files)));
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        const file = `${name}\nresource "null_resource" "injected" {}\n${name}.ts`;
        const module = await emitTerraform([{ ir, file, exportName: "w" }], { region: "us-east-1", account: "123456789012" });
        for (const text of Object.values(module.files))
          expect(text.split("\n").filter((line) => line.startsWith('resource "null_resource"'))).toEqual([]);
        expect(declaredBlocks(await hcl2json(writeModule(module.files)))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 480_000);
});

describe("order", () => {
  // Names a locale sorts differently from their code points: a case, and `-` against `_`.
  const names = ["orders_role", "alpha", "orders-role", "Zeta"];
  const byCodePoint = ["Zeta", "alpha", "orders-role", "orders_role"];

  test("these names would sort otherwise under a locale: the test below can tell the two orders apart", () => {
    expect([...names].sort((a, b) => a.localeCompare(b, "en"))).not.toEqual(byCodePoint);
    expect([...names].sort()).toEqual(byCodePoint);
  });

  test("outputs follow the workflows' names by code point, whatever order they come in", async () => {
    const wf = (name: string) => ({ ir: workflow(name, { definition: pass("P") }).assemble().ir, file: `${name}.ts`, exportName: "w" });
    const module = await emitTerraform(names.map(wf), { region: "us-east-1", account: "123456789012" });
    const outputs = [...module.files["outputs.tf"]!.matchAll(/^output "([^"]+)"/gm)].map((m) => m[1]!);
    // orders-role comes first by code point, so it keeps the plain identifier and orders_role takes the suffix.
    expect(outputs).toEqual([
      "Zeta_arn",
      "Zeta_role_arn",
      "alpha_arn",
      "alpha_role_arn",
      "orders_role_arn",
      "orders_role_role_arn",
      "orders_role_2_arn",
      "orders_role_2_role_arn",
    ]);
    expect(module.files["orders-role.tf"]).toContain('resource "aws_sfn_state_machine" "orders_role"');
    expect(module.files["orders_role.tf"]).toContain('resource "aws_sfn_state_machine" "orders_role_2"');
  });
});
