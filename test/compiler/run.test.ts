import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { root } from "../support/compile.ts";

async function stepwright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const order = JSON.stringify({ orderId: "o-1", customerEmail: "a@example.com", items: [], total: 3 });
const mocks = [
  "--mock",
  'ValidateOrder={"valid":true}',
  "--mock",
  "ChargeCard=@test/fixtures/run/charge-mock.ts",
  "--mock",
  'ShipOrder={"trackingNumber":"T1"}',
  "--mock",
  "NotifyCustomer={}",
];

describe("stepwright run", () => {
  test("--input @file reads the execution input from a JSON file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-input-"));
    writeFileSync(join(dir, "order.json"), order);
    const result = await stepwright("run", "examples/order-processing.ts", "--input", `@${join(dir, "order.json")}`, ...mocks);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ orderId: "o-1", payment: { chargeId: "ch-o-1" } });
  });

  test("prints the output; --trace prints each state entered and exited with its data", async () => {
    const result = await stepwright("run", "examples/order-processing.ts", "--input", order, ...mocks, "--trace");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ payment: { chargeId: "ch-o-1" }, shipment: { trackingNumber: "T1" } });
    expect(result.stderr).toContain('→ ChargeCard {"orderId":"o-1"');
    expect(result.stderr).toContain('← ShipOrder {"orderId":"o-1"');
    expect(result.stderr.indexOf("→ ValidateOrder")).toBeLessThan(result.stderr.indexOf("→ OrderComplete"));
  });

  test("a failed execution prints the error and exits 1; an unmocked Lambda task is such an error", async () => {
    const result = await stepwright("run", "examples/order-processing.ts", "--input", order, "--mock", 'ValidateOrder={"valid":false}');
    expect(result).toMatchObject({ code: 1, stderr: "execution failed: InvalidOrder: The order failed validation\n" });
    const unmocked = await stepwright("run", "examples/order-processing.ts", "--input", order, "--mock", 'ValidateOrder={"valid":true}');
    expect(unmocked.code).toBe(1);
    expect(unmocked.stderr).toContain('Task "ChargeCard" has no mock: pass --mock ChargeCard=@handler.ts');
  });

  test("a JSONata workflow runs: its expressions, variables and conditions evaluated as AWS evaluates them", async () => {
    const cart = JSON.stringify({
      cartId: "k1",
      customerId: "cu1",
      lines: [
        { sku: "a", price: 30, quantity: 2 },
        { sku: "b", price: 45, quantity: 1 },
      ],
    });
    const ship = '{"Payload":{"eta":"tomorrow"},"StatusCode":200}';
    const result = await stepwright(
      "run",
      "examples/jsonata-orders.ts",
      "--input",
      cart,
      "--mock",
      "SaveOrder={}",
      "--mock",
      `ShipExpress=${ship}`,
      "--mock",
      `ShipStandard=${ship}`,
      "--trace",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ eta: "tomorrow", speed: "express" });
    expect(result.stderr).toContain('= PriceCart {"cartId":"k1","customerId":"cu1"}');
    // Each expression evaluated, with its value, under the state that evaluated it.
    expect(result.stderr).toContain("  {% $sum($states.input.lines.(price * quantity)) %} → 105");
    expect(result.stderr.indexOf("→ PriceCart")).toBeLessThan(result.stderr.indexOf("{% $sum("));
  });

  test("a --mock of a state the workflow does not have is a usage error naming it (exit 2), not a silent success", async () => {
    const result = await stepwright(
      "run",
      "examples/order-processing.ts",
      "--input",
      order,
      ...mocks,
      "--mock",
      'ChargCard={"chargeId":"x"}',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--mock ChargCard: workflow "order-processing" has no Task state or Resource of that name (its Tasks: ValidateOrder, ChargeCard, ShipOrder, NotifyCustomer)',
    );
  });

  test("input that does not fit the workflow's input schema is a usage error naming the field (exit 2)", async () => {
    const result = await stepwright(
      "run",
      "test/fixtures/run/typed-input.ts",
      "--workflow",
      "typed-input",
      "--input",
      '{"orderId":"o","total":"12"}',
      "--mock",
      'Charge={"chargeId":"c"}',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--input does not fit the input schema of workflow "typed-input": total: .*number/);
    const fits = await stepwright(
      "run",
      "test/fixtures/run/typed-input.ts",
      "--workflow",
      "typed-input",
      "--input",
      '{"orderId":"o","total":12}',
      "--mock",
      'Charge={"chargeId":"c"}',
    );
    expect(fits).toMatchObject({ code: 0 });
    expect(JSON.parse(fits.stdout)).toEqual({ chargeId: "c" });
  });

  test("an --object whose file is missing is a usage error (exit 2)", async () => {
    const result = await stepwright(
      "run",
      "examples/order-processing.ts",
      "--input",
      order,
      ...mocks,
      "--object",
      "s3://in/rows.csv=@no/such.csv",
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--object s3://in/rows.csv: file not found: no/such.csv");
  });

  test("a run that never ends stops where AWS stops an execution, naming the states going round (exit 1)", async () => {
    const result = await stepwright("run", "test/fixtures/run/endless.asl.json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'execution failed: States.Runtime: The execution passed 25000 state transitions (AWS stops an execution at 25,000 history events), going round "Again" (500 times), "Done?" (500 times).',
    );
  });

  test("usage mistakes exit 2 with a message: bad JSON, a missing handler file", async () => {
    expect(await stepwright("run", "examples/order-processing.ts", "--input", "{nope")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--input is not JSON"),
    });
    const missing = await stepwright("run", "examples/order-processing.ts", "--mock", "ChargeCard=@no/such.ts");
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
