/**
 * TypeScript's errors on DSL code in the words of steps and fields: a field a `$` read does not
 * find (with the closest name), an operator the field's type does not have, an operand of the
 * wrong type, a request field of the wrong type.
 * The TypeScript code stays in `typescript` (printed by `--json`); no message a user sees names the
 * package's internal types.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { readable, readableTypes } from "../../../compiler/typeflow/restate/readable.ts";
import { closest } from "../../../compiler/typeflow/restate/field-read.ts";
import { diagnosticsOf, fixturePath, root } from "../../support/compile.ts";

describe("TypeScript errors on DSL code are restated", () => {
  test.each([
    [
      "flow/restate-inline-choice-field.ts",
      "SW1001",
      "TS2339",
      11,
      68,
      ["Route"],
      '"Route" reads input.documentClass, but input (Classification) has no field "documentClass".',
    ],
    [
      "flow/restate-did-you-mean.ts",
      "SW1001",
      "TS2551",
      13,
      95,
      ["Store"],
      '"Store" reads input.classification, but input (Upload) has no field "classification". Did you mean "clasification"?',
    ],
    [
      "flow/selector-typo.ts",
      "SW1001",
      "TS2551",
      5,
      118,
      ["LoadOrder"],
      '"LoadOrder" reads input.ordr, but input (Input) has no field "ordr". Did you mean "order"?',
    ],
    [
      "flow/restate-operand-type.ts",
      "SW1002",
      "TS2345",
      7,
      76,
      ["Large?"],
      '"Large?" compares input.amount (number) with "1000" (string): .gt(...) on a number takes a number, or another number field.',
    ],
    [
      "flow/restate-operator-missing.ts",
      "SW1002",
      "TS2339",
      7,
      73,
      ["Round?"],
      '"Round?" calls .matches(...) on input.amount, which is a number: a number has .eq, .gt, .gte, .lt and .lte.',
    ],
    [
      "flow/restate-request-type.ts",
      "SW1002",
      "TS2322",
      11,
      120,
      ["ChargeCard"],
      '"ChargeCard" builds its request\'s amount from input.orderId (string), but the request needs amount as number.',
    ],
  ])("%s: %s (restating %s) at %i:%i", async (fixture, code, typescript, line, column, steps, message) => {
    const diagnostics = await diagnosticsOf(fixture);
    expect(diagnostics).toEqual([{ code, severity: "error", message, file: fixturePath(fixture), line, column, steps, typescript }]);
  });

  test("a TypeScript error that is not about the DSL passes through under its own code", async () => {
    const diagnostics = await diagnosticsOf("flow/plain-type-error.ts");
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "TS2322", message: "Type 'string' is not assignable to type 'number'.", line: 4, column: 7 }),
    ]);
  });

  test("the closest field is suggested only when it is close", () => {
    expect(closest("classification", ["bucket", "key", "clasification"])).toBe("clasification");
    expect(closest("documentClass", ["label", "confidence"])).toBeUndefined();
    expect(closest("ID", ["id", "name"])).toBe("id");
  });
});

describe("a passed-through message names no internal type", () => {
  test.each([
    ["Property 'x' does not exist on type 'Ref<Classification>'.", "Property 'x' does not exist on type 'Classification'."],
    ["parameter of type 'number | RefBase<number>'.", "parameter of type 'number | number'."],
    ["Type 'Ref<{ a: Ref<string>[]; }>' is not", "Type '{ a: string[]; }' is not"],
    ["type 'JsonataExpr<number> | Intrinsic<string>'", "type 'JSONata<number> | intrinsic<string>'"],
    ["type 'Chainable<Order, Map<string, number>>'", "type 'a step taking Order'"],
    ["type '(x: Ref<A>) => RefBase<B>'", "type '(x: A) => B'"],
  ])("%s", (message, expected) => {
    expect(readableTypes(message)).toBe(expected);
  });

  test("lines about the type-only markers are left out", () => {
    expect(readable("Type 'A' is not assignable.\n  Types of property '[inType]' are incompatible.\n  Type 'B' is not 'C'.")).toBe(
      "Type 'A' is not assignable.\n  Type 'B' is not 'C'.",
    );
  });

  test("in the diagnostics of every fixture (flow/pass-through-internal-types.ts: errors no restater knows)", async () => {
    const listed = (dir: string) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `${dir}/${f}`);
    const files = ["test/fixtures/flow", "test/fixtures/edges", "test/fixtures/rules", "test/fixtures"].flatMap(listed);
    const { diagnostics } = await compile({ files, cwd: root, tsconfig: "test/fixtures/tsconfig.json", checkOnly: true });
    expect(diagnostics.filter((d) => d.code.startsWith("TS")).length).toBeGreaterThan(0);
    const internal = /Ref<|RefBase<|Chainable|\[inType\]|JsonataExpr|Intrinsic/;
    const texts = diagnostics.flatMap((d) => [d.message, ...(d.related ?? []).map((r) => r.message)]);
    expect(texts.filter((text) => internal.test(text))).toEqual([]);
    // The errors no restater knows keep their TypeScript code and say what TypeScript says, in readable types.
    const passed = diagnostics.filter((d) => d.file?.endsWith("pass-through-internal-types.ts")).map((d) => [d.code, d.message]);
    expect(passed).toEqual([
      ["TS2322", "Type 'string' is not assignable to type 'number | JSONata<number>'."],
      ["TS2322", "Type 'number' is not assignable to type 'Text<any> | undefined'."],
      ["TS2345", "Argument of type 'string' is not assignable to parameter of type 'a step taking any'."],
    ]);
  }, 480_000);
});
