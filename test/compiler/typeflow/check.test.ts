import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { diagnosticsOf, fixturePath, root } from "../../support/compile.ts";

/**
 * TypeScript's own error on a bad edge is five lines about both steps' whole types; the compiler says
 * which step needs which field from which step, at the line of the edge.
 */
describe("type flow between steps", () => {
  test.each([
    [
      "flow/missing-field.ts",
      "SW1001",
      9,
      29,
      ["ValidateOrder", "ShipOrder"],
      '"ShipOrder" needs input.chargeId (string), but "ValidateOrder" does not provide it.',
    ],
    [
      "flow/wrong-field-type.ts",
      "SW1002",
      9,
      11,
      ["PriceOrder", "ChargeCard"],
      '"ChargeCard" needs input.payment.amount as number, but "PriceOrder" gives string.',
    ],
    [
      "flow/optional-field.ts",
      "SW1003",
      7,
      84,
      ["LookupCustomer", "Notify"],
      '"Notify" needs input.email (string), but "LookupCustomer" may leave it out (it is optional there).',
    ],
    ["flow/next-after-terminal.ts", "SW1004", 7, 39, ["Done"], '"Done" always ends in Succeed or Fail, so nothing can follow it'],
    [
      "flow/optional-item.ts",
      "SW1003",
      7,
      73,
      ["LoadConfig", "Route"],
      '"Route" needs input.Item ({ enabled: { BOOL: boolean; }; }), but "LoadConfig" may leave it out (it is optional there).',
    ],
    [
      "flow/catch-handler.ts",
      "SW1001",
      5,
      118,
      ["ChargeCard", "Refund"],
      '"Refund" needs input.orderId (string), but the catcher on "ChargeCard" does not provide it. A catcher without resultPath passes only { Error, Cause }',
    ],
    // Placed where Review declares its input; the .when that hands it the data is the related place.
    [
      "flow/choice-branch.ts",
      "SW1001",
      4,
      16,
      ["Route", "Review"],
      '"Review" needs input.reviewer (string), but Choice "Route" does not provide it.',
    ],
    [
      "flow/map-items.ts",
      "SW1002",
      6,
      81,
      ["ShipEach", "ShipItem"],
      '"ShipItem" needs input.sku as string, but each item of Map "ShipEach" gives number.',
    ],
    // A Map's limit read from its input is read where the step before gives it.
    [
      "flow/declared-alone-map-limit.ts",
      "SW1001",
      7,
      70,
      ["LoadBatch", "ShipEach"],
      '"ShipEach" reads input.limit (maxConcurrency), but "LoadBatch" does not provide it.',
    ],
    [
      "flow/workflow-input.ts",
      "SW1001",
      8,
      76,
      ["LoadCustomer"],
      '"LoadCustomer" needs input.customerId (string), but the input of workflow "workflow-input" does not provide it.',
    ],
    // The DSL found by its declarations, however it is imported.
    [
      "flow/namespace-import.ts",
      "SW1001",
      9,
      29,
      ["ValidateOrder", "ShipOrder"],
      '"ShipOrder" needs input.chargeId (string), but "ValidateOrder" does not provide it.',
    ],
    [
      "flow/renamed-import.ts",
      "SW1001",
      9,
      29,
      ["ValidateOrder", "ShipOrder"],
      '"ShipOrder" needs input.chargeId (string), but "ValidateOrder" does not provide it.',
    ],
    [
      "flow/reexported-dsl.ts",
      "SW1001",
      9,
      29,
      ["ValidateOrder", "ShipOrder"],
      '"ShipOrder" needs input.chargeId (string), but "ValidateOrder" does not provide it.',
    ],
    // Steps declared on their own, before their input was known: checked where they are chained,
    // reported where they read the field (the chaining call is the related place, see edges.test.ts).
    [
      "flow/declared-alone-operator.ts",
      "SW1002",
      5,
      18,
      ["GetQuote", "Large?"],
      '"Large?" needs input.amount as a string (.matches(...)), but "GetQuote" gives number.',
    ],
    [
      "flow/declared-alone-field.ts",
      "SW1001",
      4,
      85,
      ["LoadListing", "Shape"],
      '"Shape" reads input.listing.imagez (parameters.images), but "LoadListing" does not provide it.',
    ],
    [
      "flow/declared-alone-choice-target.ts",
      "SW1001",
      4,
      58,
      ["Price", "Notify"],
      '"Notify" reads input.reviewer (parameters.to), but "Price" (through Choice "Route") does not provide it.',
    ],
  ])("%s: %s at %i:%i", async (fixture, code, line, column, steps, message) => {
    const diagnostics = await diagnosticsOf(fixture);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity: "error", file: fixturePath(fixture), line, column, steps });
    expect(diagnostics[0]!.message).toContain(message);
  });

  test("SW1006 (a warning): a step declared on its own that only `any` reaches is told what to declare", async () => {
    const diagnostics = await diagnosticsOf("flow/declared-alone-undeclared.ts");
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "SW1006", severity: "warning", line: 9, column: 74, steps: ["GetQuote", "Large?"] }),
    ]);
    expect(diagnostics[0]!.message).toBe(
      '"Large?" reads input.amount, but no type reaches it: "GetQuote" gives any. Declare the input where the data enters (the first step, or the Lambda\'s lambda<In, Out>), or here: choice<{ amount: number }>("Large?", ...).',
    );
  });

  test("SW1005: an input that does not fit as a whole is named with both types", async () => {
    const diagnostics = await diagnosticsOf("flow/input-mismatch.ts");
    expect(diagnostics).toEqual([expect.objectContaining({ code: "SW1005", line: 7, column: 76, steps: ["ListOrders", "CountOrders"] })]);
    expect(diagnostics[0]!.message).toBe('"CountOrders" needs input of type { orders: string[]; }, but "ListOrders" gives string[].');
  });

  test("a syntax error is reported once, by TypeScript, and the file is not evaluated", async () => {
    const diagnostics = await diagnosticsOf("flow/syntax-error.ts");
    expect(diagnostics.map((d) => d.code)).toEqual(["TS1005"]);
  });

  test("the examples and the valid fixtures have no findings", async () => {
    const examples = readdirSync(join(root, "examples"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `examples/${f}`);
    const { diagnostics, workflows } = await compile({
      files: [...examples, "test/fixtures/valid/idiomatic.ts", "test/fixtures/valid/map-options-from-input.ts"],
      cwd: root,
      region: "us-east-1",
      account: "123456789012",
    });
    expect(diagnostics).toEqual([]);
    expect(workflows.length).toBeGreaterThan(examples.length);
  });
});
