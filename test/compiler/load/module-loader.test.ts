import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { root } from "../../support/compile.ts";

/**
 * The thread that loads the workflow modules hands over what they printed before its result: a
 * loader closed as soon as its load is done (as `compile` closes a loader of its own) loses no line.
 */
async function loadAndClose(fixture: string): Promise<{ stdout: string; stderr: string }> {
  const module = pathToFileURL(join(root, "compiler/load/module-loader.ts")).href;
  const script = [
    `import { ModuleLoader } from ${JSON.stringify(module)};`,
    "const loader = new ModuleLoader();",
    `const { loaded, diagnostics } = await loader.load([${JSON.stringify(fixture)}], ${JSON.stringify(root)}, true);`,
    "await loader.close();",
    'console.log(`loaded ${loaded.map((w) => w.ir.name).join(", ")}; ${diagnostics.length} diagnostic(s)`);',
  ].join("\n");
  // A file, not --eval: the loading thread inherits the process's flags, and --input-type with them.
  const dir = mkdtempSync(join(tmpdir(), "sw-loader-"));
  try {
    writeFileSync(join(dir, "load.mjs"), script);
    return await promisify(execFile)(process.execPath, ["--import", "tsx", join(dir, "load.mjs")], {
      cwd: root,
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("ModuleLoader", () => {
  test("closed as soon as its load is done: what a module printed while it loaded reaches both streams, all of it", async () => {
    const { stdout, stderr } = await loadAndClose("test/fixtures/prints-much-on-load.ts");
    expect(stdout).toBe("prints-much-on-load: done\nloaded prints-much-on-load; 0 diagnostic(s)\n");
    const lines = stderr.split("\n").filter((line) => line.startsWith("line "));
    expect(lines.map((line) => line.split(" ")[1])).toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1)));
  }, 90_000);
});
