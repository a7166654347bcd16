/**
 * The thread that evaluates the workflow modules: kept between loads for a watch session, stopped
 * as soon as its load is done for a command that loads once.
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ModuleLoader } from "../../../compiler/load/module-loader.ts";
import { tempProject } from "../../support/temp-project.ts";

const project = tempProject({
  "hello.ts":
    'import { succeed, workflow } from "stepwright";\n\nexport const hello = workflow("hello", { definition: succeed("Done") });\n',
});

describe("the module-loading thread", () => {
  test("of a loader for one load is stopped when the load is done: nothing is left for close() to stop", async () => {
    const loader = new ModuleLoader({ once: true });
    const { loaded, diagnostics } = await loader.load(["hello.ts"], project, true, join(project, "tsconfig.json"));
    expect(diagnostics).toEqual([]);
    expect(loaded.map((w) => w.ir.name)).toEqual(["hello"]);
    expect(await loader.close()).toBeUndefined();
  }, 60_000);

  test("of a loader kept for more loads lives on until close() stops it", async () => {
    const loader = new ModuleLoader();
    const first = await loader.load(["hello.ts"], project, true, join(project, "tsconfig.json"));
    const second = await loader.load(["hello.ts"], project, true, join(project, "tsconfig.json"));
    expect([first, second].map((l) => l.loaded.map((w) => w.ir.name))).toEqual([["hello"], ["hello"]]);
    expect(typeof (await loader.close())).toBe("number");
  }, 60_000);
});
