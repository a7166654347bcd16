/**
 * Loading stepwright.config.ts: a config that never finishes loading (a top-level await that never
 * ends) is a diagnostic after the timeout, not a CLI that hangs.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../compiler/config.ts";

describe("loading the config", () => {
  test("a config that never finishes loading is SW0006 after the timeout, naming why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-config-hang-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(dir, "stepwright.config.ts"), "await new Promise(() => {});\nexport default {};\n");
    const { config, diagnostics } = await loadConfig(dir, undefined, { timeoutMs: 500 });
    expect(config).toEqual({});
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["SW0006", "Could not load the config: did not finish loading in 0.5 s (a top-level await that never ends?)"],
    ]);
  }, 240_000);

  test("a config that loads in time is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-config-ok-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(dir, "stepwright.config.ts"),
      'await new Promise((r) => setTimeout(r, 10));\nexport default { region: "eu-west-1" };\n',
    );
    expect(await loadConfig(dir, undefined, { timeoutMs: 20_000 })).toEqual({ config: { region: "eu-west-1" }, diagnostics: [] });
  }, 240_000);
});
