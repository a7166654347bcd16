import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { root } from "../support/compile.ts";

async function stepwright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const order = JSON.stringify({ orderId: "o-1", customerEmail: "a@example.com", items: [], total: 3 });
const mocks = ["--mock", 'ValidateOrder={"valid":true}', "--mock", "ChargeCard=@test/fixtures/run/charge-mock.ts", "--mock", 'ShipOrder={"trackingNumber":"T1"}', "--mock", "NotifyCustomer={}"];

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

  test("what the local engine cannot run is refused by name, not answered wrongly", async () => {
    const result = await stepwright("run", "examples/jsonata-orders.ts", "--input", "{}");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("does not support JSONata (QueryLanguage: JSONata)");
  });

  test("usage mistakes exit 2 with a message: bad JSON, a missing handler file", async () => {
    expect(await stepwright("run", "examples/order-processing.ts", "--input", "{nope")).toMatchObject({ code: 2, stderr: expect.stringContaining("--input is not JSON") });
    const missing = await stepwright("run", "examples/order-processing.ts", "--mock", "ChargeCard=@no/such.ts");
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
