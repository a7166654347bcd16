/**
 * `stepwright cost` and `run --cost`, as a user runs them (the bin, in a project): prices worked
 * out by hand from the published table, the config's overrides, the recommendation, usage errors.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { expressCost, defaultPrices, standardCost } from "../../../compiler/cost/prices.ts";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";

const bin = join(root, "compiler/bin.mjs");

async function stepwright(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const workflowFile = `import { choice, lambda, succeed, task, workflow } from "stepwright";
const check = task("Check", lambda<{ id: string }, { ok: boolean }>("check")).retry({ errors: ["States.ALL"], maxAttempts: 2 });
export const quick = workflow("quick", {
  definition: check.next(choice("Ok?", (c) => c.when(($) => $.ok.eq(true), succeed("Yes")).otherwise(task("Alert", lambda<unknown, void>("alert"))))),
});
`;

describe("prices", () => {
  test("Standard: $0.025 per 1,000 transitions; Express: a request plus GB-seconds, 100 ms and 64 MB steps", () => {
    expect(standardCost(1000, defaultPrices)).toBeCloseTo(0.025, 12);
    // 1 s at 64 MB: $1 per million requests + 1 × 0.0625 GB-s × $0.00001667.
    expect(expressCost({ durationSeconds: 1, memoryMb: 64 }, defaultPrices)).toBeCloseTo(0.000001 + 0.0625 * 0.00001667, 15);
    // 1.01 s bills as 1.1 s; 65 MB as 128 MB.
    expect(expressCost({ durationSeconds: 1.01, memoryMb: 65 }, defaultPrices)).toBeCloseTo(0.000001 + 1.1 * 0.125 * 0.00001667, 15);
  });
});

describe("stepwright cost", () => {
  test("the transitions as a formula, priced both ways, and a recommendation where the other type is much cheaper and fits", async () => {
    const dir = tempProject({ "src/quick.ts": workflowFile });
    const { code, stdout } = await stepwright(dir, "cost", "src/quick.ts");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "quick (STANDARD)",
        "  transitions per execution: 3; retries add up to 2",
        "  3 on the dearest path (5 with every retry)",
        "  Standard: $0.0000750 per execution, $75.00 per million ($125.00 with every retry)",
        "  Express (1 s, 64 MB): $0.00000204 per execution, $2.04 per million",
        '  → EXPRESS would cost 36.7× less per execution (if it runs in 1 s with 64 MB; Express runs at least once, up to five minutes): type: "EXPRESS"',
        "",
        "prices: us-east-1, aws.amazon.com/step-functions/pricing, read 2026-11-25",
        "",
      ].join("\n"),
    );
  });

  test("the config's prices and Express assumption win over the defaults; --assume sets a count", async () => {
    const dir = tempProject({
      "src/quick.ts": workflowFile,
      "stepwright.config.ts": `export default { cost: { prices: { region: "eu-west-1", standardPerTransition: 0.00005 }, express: { durationSeconds: 4, memoryMb: 128 } } };\n`,
    });
    const { stdout } = await stepwright(dir, "cost", "src/quick.ts");
    expect(stdout).toContain("Standard: $0.000150 per execution, $150.00 per million");
    expect(stdout).toContain("Express (4 s, 128 MB)");
    expect(stdout).toContain("prices: eu-west-1,");
    const bad = await stepwright(dir, "cost", "src/quick.ts", "--assume", "items");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--assume takes name=count");
  });

  test("run --cost prices the transitions of that run", async () => {
    const dir = tempProject({ "src/quick.ts": workflowFile });
    const { code, stderr } = await stepwright(dir, "run", "src/quick.ts", "--input", '{"id":"1"}', "--mock", 'Check={"ok":true}', "--cost");
    expect(code).toBe(0);
    expect(stderr).toContain(
      "this run: 3 state transitions (3 states entered, 0 retries): $0.0000750 as a Standard execution, $75.00 per million (us-east-1)",
    );
  });
});
