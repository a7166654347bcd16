/**
 * `stepwright init` in an empty folder and in an existing project: it writes no file that exists,
 * changes nothing a package.json has (its tsconfig.json and test script stay the project's own),
 * says what it did, and its config finds a workflow added later.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempProject } from "../../support/temp-project.ts";
import { stepwright as run } from "../../support/cli.ts";

const stepwright = (cwd: string, ...args: string[]) => run(args, cwd);

describe("stepwright init", () => {
  test("in an empty folder: the starter project, and what to run next", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-init-"));
    const result = await stepwright(dir, "init");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("created a Stepwright project in .\n  wrote tsconfig.json\n");
    expect(result.stderr).toContain("\nnext: npm install && npm test && npx stepwright build\n");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts.test).toBe("stepwright build && tsc --noEmit && vitest run");
  });

  test("in a project with a tsconfig.json and a test script: both stay its own, and it says so", async () => {
    const dir = tempProject({});
    const pkg = JSON.stringify({ name: "team-app", private: true, type: "module", scripts: { test: "jest" } });
    writeFileSync(join(dir, "package.json"), pkg);
    const tsconfig = readFileSync(join(dir, "tsconfig.json"), "utf8");
    const result = await stepwright(dir, "init");
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "tsconfig.json"), "utf8")).toBe(tsconfig);
    expect(JSON.parse(readFileSync(join(dir, "tsconfig.stepwright.json"), "utf8")).extends).toBe("./tsconfig.json");
    const scripts = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts;
    expect(scripts.test).toBe("jest");
    expect(scripts["test:workflows"]).toBe("stepwright build && tsc --noEmit -p tsconfig.stepwright.json && vitest run");
    expect(result.stderr).toContain("added Stepwright to the project in .\n");
    expect(result.stderr).toContain(
      "  tsconfig.json is the project's own: the workflows' settings are in tsconfig.stepwright.json, which extends it\n",
    );
    expect(result.stderr).toContain("  package.json has a test script of its own: the workflows' is test:workflows\n");
    expect(result.stderr).toContain("\nnext: npm install && npm run test:workflows && npx stepwright build\n");
    // Again: every file is there, and kept as it is.
    const again = await stepwright(dir, "init");
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("  kept workflows/hello.ts as it is\n");
  });

  test("its config finds a workflow added later (workflows/**), and leaves the tests out", async () => {
    const dir = tempProject({});
    expect((await stepwright(dir, "init")).code).toBe(0);
    writeFileSync(
      join(dir, "workflows/goodbye.ts"),
      'import { succeed, workflow } from "stepwright";\n\nexport const goodbye = workflow("goodbye", { definition: succeed("Done") });\n',
    );
    const result = await stepwright(dir, "check");
    expect(result.stderr).toBe("2 workflow(s) checked, no errors\n");
    expect(result.code).toBe(0);
  }, 240_000);
});
