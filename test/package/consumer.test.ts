/**
 * Stepwright as a user gets it: packed with `npm pack`, installed from the tarball into a fresh
 * project, started with `stepwright init`, type-checked under strict settings by the user's own
 * TypeScript, built, run and tested there, on the lowest Node the package supports (the one this
 * suite runs on); its CLI checks, builds and runs there on Node 22.15 and the newest 22 and 24 too. The
 * Terraform it builds passes Terraform's own checks.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Project } from "ts-morph";
import { beforeAll, describe, expect, test } from "vitest";
import { root } from "../support/compile.ts";
import { tfcheck } from "../support/terraform.ts";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  version: string;
  engines: { node: string };
  devDependencies: Record<string, string>;
};
// Child processes get this Node first on PATH, so `npx stepwright`, `tsc` and `vitest` run on it.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, NO_COLOR: "1", FORCE_COLOR: "0" };

function sh(
  cwd: string,
  command: string,
  args: string[],
  input?: string,
  extraEnv: NodeJS.ProcessEnv = {},
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
    timeout: 240_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let project = "";
let tarball = "";

beforeAll(() => {
  const packs = mkdtempSync(join(tmpdir(), "sw-pack-"));
  // `npm pack` runs `prepack`, which compiles dist/ from the sources.
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", packs], { cwd: root, env, encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1)!;
  tarball = join(packs, packed);
  project = mkdtempSync(join(tmpdir(), "sw-consumer-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const install = (...args: string[]) => sh(project, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...args]);
  expect(install(tarball)).toMatchObject({ code: 0 });
  expect(sh(project, "npx", ["stepwright", "init"])).toMatchObject({ code: 0 });
  expect(install()).toMatchObject({ code: 0 });
}, 900_000);

describe("the published package", () => {
  test("holds compiled JavaScript, declarations and the README: no sources, tests, benches or CI", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    expect(files).toContain("package/dist/src/index.js");
    expect(files).toContain("package/dist/src/index.d.ts");
    expect(files).toContain("package/dist/compiler/bin.mjs");
    expect(files).toContain("package/dist/compiler/runtime/cli-index.js");
    expect(files).toContain("package/README.md");
    // The bundled CLI carries the licenses of the packages bundled into it.
    expect(
      files.filter(
        (f) => !/^package\/(dist\/.*\.(m?js|d\.m?ts)|dist\/compiler\/runtime\/cli-licenses\.txt|package\.json|README\.md)$/.test(f),
      ),
    ).toEqual([]);
    const licenses = execFileSync("tar", ["xzOf", tarball, "package/dist/compiler/runtime/cli-licenses.txt"], { encoding: "utf8" });
    // Each under its name, version and license, then its license's text, in the order of their folders.
    expect(licenses.match(/^\S+ \d+\.\d+\.\d+ \(.*\)$/gm)?.map((line) => line.split(" ")[0])).toEqual([
      "commander",
      "typescript",
      "vscode-jsonrpc",
    ]);
    expect(licenses).toMatch(/^commander \d+\.\d+\.\d+ \(MIT\)\n\n\(The MIT License\)/);
    expect(licenses).toMatch(/^typescript \d+\.\d+\.\d+ \(Apache-2\.0\)\n\nApache License/m);
  });

  test("runs on the lowest Node it supports: this suite's Node", () => {
    expect(sh(project, "node", ["--version"]).stdout.trim()).toBe(`v${pkg.engines.node.replace(">=", "")}`);
    expect(sh(project, "npx", ["stepwright", "--version"])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  test("a project made by `stepwright init` passes its own npm test: stepwright build (with its types), strict tsc, vitest with testWorkflow", () => {
    const result = sh(project, "npm", ["test"]);
    expect(result.stderr + result.stdout).toContain("built 1 workflow(s)");
    expect(result.stdout).toMatch(/Tests\s+2 passed/);
    expect(result.code).toBe(0);
    expect(
      readdirSync(join(project, "src/generated"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["hello.input.schema.json", "hello.output.schema.json", "hello.ts"]);
  }, 480_000);

  test("its Lambda handler is checked against the workflow: a misspelt field it returns fails the user's tsc at the handler's line", () => {
    const file = join(project, "src/lookup-person.ts");
    const handler = readFileSync(file, "utf8");
    const line = handler.split("\n").findIndex((l) => l.startsWith("export const handler")) + 1;
    try {
      writeFileSync(file, handler.replace("title:", "titel:"));
      const result = sh(project, "npx", ["tsc", "--noEmit"]);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^src/lookup-person\\.ts\\(${line},\\d+\\): error TS2322:.*\\n(.*\\n)*.*Property 'title' is missing`, "m"),
      );
    } finally {
      writeFileSync(file, handler);
    }
  }, 240_000);

  test("with the AWS SDK a dependency, an Express workflow's startSync gives its Output in the user's own code", () => {
    const workflowFile = join(project, "workflows/quote.ts");
    const caller = join(project, "src/caller.ts");
    const packageJson = readFileSync(join(project, "package.json"), "utf8");
    const sdk = pkg.devDependencies["@aws-sdk/client-sfn"]!;
    try {
      writeFileSync(
        workflowFile,
        `import { lambda, task, workflow } from "stepwright";\n\nexport const quote = workflow("quote", {\n  type: "EXPRESS",\n  definition: task("PriceQuote", lambda<{ sku: string }, { sku: string; price: number }>("price-quote")),\n});\n`,
      );
      expect(sh(project, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `@aws-sdk/client-sfn@${sdk}`])).toMatchObject({
        code: 0,
      });
      expect(sh(project, "npx", ["stepwright", "build"])).toMatchObject({ code: 0 });
      const call = (type: string) =>
        `import type { SFNClient } from "@aws-sdk/client-sfn";\nimport { type Output, startSync } from "./generated/quote.ts";\n\nexport async function price(client: SFNClient): Promise<${type}> {\n  const quoted: ${type} = await startSync(client, "arn:aws:states:us-east-1:123456789012:stateMachine:quote", { sku: "a" });\n  return quoted;\n}\n\nexport type Quoted = Output;\n`;
      writeFileSync(caller, call("Output"));
      // The SDK's own declarations need Node's types (@types/node), which the starter does not install: they are not checked here.
      expect(sh(project, "npx", ["tsc", "--noEmit", "--skipLibCheck"])).toMatchObject({ code: 0, stdout: "" });
      writeFileSync(caller, call("string"));
      const wrong = sh(project, "npx", ["tsc", "--noEmit", "--skipLibCheck"]);
      expect(wrong.stdout).toMatch(/^src\/caller\.ts\(5,\d+\): error TS2322: Type '.*' is not assignable to type 'string'/m);
    } finally {
      rmSync(workflowFile, { force: true });
      rmSync(caller, { force: true });
      writeFileSync(join(project, "package.json"), packageJson);
      sh(project, "npx", ["stepwright", "build"]);
    }
  }, 480_000);

  test("its declarations type-check under strict user settings: NodeNext and Bundler, with and without skipLibCheck", () => {
    const base = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    const variants = {
      "nodenext-libcheck": { skipLibCheck: false },
      "nodenext-skiplibcheck": { skipLibCheck: true },
      "bundler-libcheck": { module: "ESNext", moduleResolution: "Bundler", skipLibCheck: false },
    };
    for (const [name, options] of Object.entries(variants)) {
      writeFileSync(
        join(project, `tsconfig.${name}.json`),
        JSON.stringify({ ...base, compilerOptions: { ...base.compilerOptions, ...options } }),
      );
      const result = sh(project, "npx", ["tsc", "--noEmit", "-p", `tsconfig.${name}.json`]);
      expect({ name, ...result }).toEqual({ name, code: 0, stdout: "", stderr: "" });
    }
  }, 480_000);

  test("`npx stepwright build` writes a module Terraform accepts (init, validate, apply against a mock, fmt)", () => {
    const result = sh(project, "npx", ["stepwright", "build"]);
    expect(result.stderr).toMatch(/^built 1 workflow\(s\): 6 file\(s\) in build/);
    expect(result.code).toBe(0);
    expect(readdirSync(join(project, "build")).sort()).toEqual([
      ".stepwright-manifest.json",
      "data.tf",
      "hello.asl.json",
      "hello.tf",
      "outputs.tf",
      "variables.tf",
      "versions.tf",
    ]);
    expect(tfcheck(join(project, "build"))).toBe("tfcheck: valid");
  }, 480_000);

  test("a mistake in the user's workflow is reported at its line in the user's file, from the compiled package", () => {
    const file = join(project, "workflows/too-long.ts");
    writeFileSync(
      file,
      `import { succeed, workflow } from "stepwright";\n\nexport const tooLong = workflow("too-long", {\n  definition: succeed("${"N".repeat(81)}"),\n});\n`,
    );
    try {
      const result = sh(project, "npx", ["stepwright", "check", "workflows/too-long.ts"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^workflows\/too-long\.ts:4:15 - error SW2002: /);
      const typeError = sh(project, "npx", ["stepwright", "check", "workflows/hello.ts", "--json"]);
      expect(typeError).toMatchObject({ code: 0, stdout: "" });
    } finally {
      rmSync(file);
    }
  }, 240_000);

  test("the installed native checker checks alone, a project with a type error too; the error reads the same as by the JavaScript checker", () => {
    const bin = join(project, "node_modules/stepwright/dist/compiler/bin.mjs");
    const file = join(project, "workflows/mismatch.ts");
    writeFileSync(file, mismatchWorkflow);
    const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
      sh(project, process.execPath, ["--import", join(root, "test/support/report-imports.mjs"), bin, ...args], undefined, extraEnv);
    const loadsTsMorph = (stderr: string) =>
      stderr.split("\n").some((line) => line.startsWith("import: ") && line.includes("/node_modules/ts-morph/"));
    const said = (stderr: string) => stderr.split("\n").filter((line) => !line.startsWith("import: "));
    try {
      const clean = run(["check", "workflows/hello.ts", "--verbose"]);
      expect(clean.code).toBe(0);
      expect(said(clean.stderr).filter((line) => line.includes("native TypeScript checker"))).toEqual([]);
      expect(loadsTsMorph(clean.stderr)).toBe(false);

      const native = run(["check", "workflows/mismatch.ts"]);
      expect(native.code).toBe(1);
      expect(said(native.stderr).join("\n")).toMatch(/^workflows\/mismatch\.ts:\d+:\d+ - error SW1001: /);
      expect(loadsTsMorph(native.stderr)).toBe(false);
      const javascript = run(["check", "workflows/mismatch.ts"], { STEPWRIGHT_NATIVE_TSC: "off" });
      expect(javascript.code).toBe(1);
      expect(said(javascript.stderr)).toEqual(said(native.stderr));

      const missing = run(["check", "workflows/hello.ts", "--verbose"], { STEPWRIGHT_NATIVE_TSC: join(project, "no-such-tsgo") });
      expect(missing.code).toBe(0);
      expect(said(missing.stderr).filter((line) => line.includes("native TypeScript checker"))).toEqual([
        expect.stringMatching(/^stepwright: the native TypeScript checker is not available \(.+\); checking with the JavaScript one$/),
      ]);
    } finally {
      rmSync(file);
    }
  }, 480_000);

  test("its CLI loads as a few bundled files and the DSL as one, not as the hundreds of modules tsc wrote", () => {
    const bin = join(project, "node_modules/stepwright/dist/compiler/bin.mjs");
    const result = spawnSync(
      process.execPath,
      ["--import", join(root, "test/support/report-imports.mjs"), bin, "check", "workflows/hello.ts"],
      { cwd: project, env, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    const own = result.stderr
      .split("\n")
      .filter((line) => line.startsWith("import: ") && line.includes("/node_modules/stepwright/dist/"))
      .map((line) => line.replace(/^.*\/node_modules\/stepwright\/dist\//, ""));
    // The CLI's thread: the bin and the bundle. The thread that evaluates the workflow: its entry, the
    // loader and the DSL's entry (this Node registers --import hooks in worker threads too).
    expect(own).toContain("compiler/runtime/cli-index.js");
    expect(new Set(own.filter((file) => !/^compiler\/runtime\/cli-[^/]+\.js$/.test(file)))).toEqual(
      new Set(
        [
          "compiler/bin.mjs",
          "src/node-version.mjs",
          "compiler/runtime/sibling.mjs",
          "compiler/load/load-thread.mjs",
          "compiler/load/load.js",
          "compiler/base/diagnostic.js",
          "compiler/base/catalogue.js",
          "compiler/base/module-hooks.js",
          "src/index.js",
        ].concat(
          // What chooses between tsx and type stripping, what loads a module by require (which this
          // suite's Node, 22.12, does not where hooks of the user's are given, as this --import is), and
          // oxc-transform's stripping hooks (which 22.12 runs in a hooks thread of their own).
          [
            "compiler/load/type-stripping.js",
            "compiler/load/require-stripped.js",
            "compiler/load/strip-hooks-thread.mjs",
            "compiler/load/strip-hooks.js",
            "compiler/load/strip-types.js",
            "compiler/load/load-hooks.mjs",
          ],
        ),
      ),
    );
    // The DSL a workflow imports (in the thread that evaluates it) is one file: it imports none of its own.
    const dsl = readFileSync(join(project, "node_modules/stepwright/dist/src/index.js"), "utf8");
    expect(dsl.match(/\bfrom\s*["']\.{1,2}\/[^"']*["']/g)).toBeNull();
    expect(dsl).toContain("export {");
  }, 240_000);

  // The README names "22.12.0 or newer": the newest releases of both lines run it too, and give the
  // same files as tsx does on the suite's Node, as do 22.12 itself and 22.15, the first whose module
  // hooks run in the importing thread. On each the init project's workflows load by type stripping
  // (oxc-transform's, in a hooks thread before 22.15; else Node's own where it has it), not through
  // tsx; and the GC and the compile cache are other V8s'.
  test.each([
    { version: "22.12.0", stripsTypes: false, hooksInThread: false },
    { version: "22.15.0", stripsTypes: false, hooksInThread: true },
    { version: "22.23.3", stripsTypes: true, hooksInThread: true },
    { version: "24.21.0", stripsTypes: true, hooksInThread: true },
  ])(
    "on Node $version it checks, builds the same files and runs the workflow",
    async ({ version, stripsTypes, hooksInThread }) => {
      const nodeDir = mkdtempSync(join(tmpdir(), `sw-node-${version}-`));
      expect(sh(nodeDir, "npm", ["install", "--prefix", nodeDir, "--no-audit", "--no-fund", "--no-save", `node@${version}`])).toMatchObject(
        { code: 0 },
      );
      const node = join(nodeDir, "node_modules/node/bin/node");
      // The installed bin, on that Node (as `npx stepwright` runs it where that Node is the one on PATH).
      const on = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
        const result = spawnSync(node, [join(project, "node_modules/stepwright/dist/compiler/bin.mjs"), ...args], {
          cwd: project,
          env: { ...env, ...extraEnv },
          encoding: "utf8",
          timeout: 240_000,
        });
        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
      };
      const loadingLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("stepwright: loading"));
      // A second workflow as a project grows one: a helper module imported by TypeScript's name for it
      // (`./names.js` for names.ts), values and a type from it.
      const added = {
        "workflows/greeting.ts": greetingWorkflow,
        "workflows/lib/names.ts": greetingNames,
        "workflows/too-long.ts": tooLongWorkflow,
        "workflows/colored.ts": coloredWorkflow,
        "workflows/lib/colors.ts": colorsModule,
        "workflows/broken.ts": brokenWorkflow,
        "workflows/alone.ts": probeWorkflow("alone", ""),
        "workflows/helped.ts": probeWorkflow("helped", 'import { greeted } from "./lib/names.js";\nexport const text = greeted;'),
        "workflows/throws.ts": throwsWorkflow,
        "workflows/renamed.ts": renamedWorkflow("First"),
      };
      mkdirSync(join(project, "workflows/lib"), { recursive: true });
      for (const [name, text] of Object.entries(added)) writeFileSync(join(project, name), text);
      // oxc-transform's binary for this platform, and where it goes while a test does without it.
      const bindings = join(project, "node_modules/@oxc-transform");
      const binding = readdirSync(bindings).find((name) => name.startsWith("binding-"))!;
      const away = join(nodeDir, binding);
      const files = (dir: string) =>
        Object.fromEntries(
          readdirSync(join(project, dir))
            .sort()
            .map((f) => [f, readFileSync(join(project, dir, f), "utf8")]),
        );
      try {
        expect(sh(project, node, ["--version"]).stdout.trim()).toBe(`v${version}`);
        // The init project's config names hello.ts alone: both are named here.
        const both = ["workflows/hello.ts", "workflows/greeting.ts"];
        const checked = on(["check", ...both, "--verbose"]);
        expect(checked.code).toBe(0);
        // The native checker's server started before the CLI had loaded (cli/start-server.ts), and
        // TypeScript's API client, bundled, took that process over.
        expect(checked.stderr).toContain("stepwright: the native checker's server started before the CLI had loaded\n");
        // Both, helper and all, loaded by oxc-transform: none had to go to tsx.
        expect(loadingLines(checked.stderr)).toEqual(["stepwright: loading workflow modules with type stripping by oxc-transform"]);
        // Neither thread loads tsx: the config (stepwright.config.ts) loads by type stripping too, where
        // this Node runs module hooks in the importing thread; before 22.15, where hooks of the user's
        // are given (this --import), the config alone goes to tsx (in the CLI's thread), and a check
        // without it loads no tsx at all.
        const bin = join(project, "node_modules/stepwright/dist/compiler/bin.mjs");
        const config = join(project, "stepwright.config.ts");
        const configText = readFileSync(config, "utf8");
        const traced = () => {
          const run = spawnSync(node, ["--import", join(root, "test/support/report-imports.mjs"), bin, "check", ...both], {
            cwd: project,
            env,
            encoding: "utf8",
          });
          expect(run.status).toBe(0);
          return run.stderr.split("\n").filter((line) => line.startsWith("import: "));
        };
        const imported = traced();
        expect(imported.some((line) => line.endsWith("/stepwright.config.ts") || line.includes("/stepwright.config.ts?"))).toBe(true);
        expect(imported.some((line) => line.includes("/workflows/lib/names.ts"))).toBe(true);
        if (hooksInThread) {
          expect(imported.filter((line) => line.includes("/node_modules/tsx/"))).toEqual([]);
        } else {
          expect(imported.some((line) => line.includes("/node_modules/tsx/"))).toBe(true);
          rmSync(config);
          try {
            const withoutConfig = traced();
            expect(withoutConfig.some((line) => line.includes("/workflows/lib/names.ts"))).toBe(true);
            expect(withoutConfig.filter((line) => line.includes("/node_modules/tsx/"))).toEqual([]);
          } finally {
            writeFileSync(config, configText);
          }
        }
        // Without hooks of the user's the config loads by type stripping on every Node: by require
        // before 22.15, through oxc's hooks in the CLI's thread from then on (its URL names the load).
        writeFileSync(config, `${configText}\nconsole.error(\`config loaded as \${import.meta.url}\`);\n`);
        try {
          expect(
            on(["check", "workflows/hello.ts"])
              .stderr.split("\n")
              .filter((line) => line.startsWith("config loaded as ")),
          ).toEqual([`config loaded as ${pathToFileURL(config).href}${hooksInThread ? "?sw-config=1" : ""}`]);
        } finally {
          writeFileSync(config, configText);
        }
        // Before 22.15 a module that imports only packages loads without a hooks thread (by require);
        // one that imports another TypeScript module starts one. Each says, as it loads, whether the
        // loading thread has loaded what starts one.
        const probes = on(["check", "workflows/alone.ts", "workflows/helped.ts"]);
        expect(probes.code).toBe(0);
        expect(probes.stderr.split("\n").filter((line) => line.includes(": hooks thread "))).toEqual([
          "alone: hooks thread false",
          `helped: hooks thread ${!hooksInThread}`,
        ]);
        // A watch session rebuilds each save's text: before 22.15 the first build loads the module by
        // require, and the rebuilds through the hooks thread, readied while the user edits.
        const watched = spawn(node, [bin, "build", "workflows/renamed.ts", "--out", `build-${version}-watch`, "--watch"], {
          cwd: project,
          env,
        });
        let watchOutput = "";
        watched.stderr.on("data", (chunk: Buffer) => (watchOutput += chunk.toString()));
        const seen = async (text: string, count: number) => {
          for (let waited = 0; watchOutput.split(text).length - 1 < count; waited += 50) {
            if (waited > 120_000) throw new Error(`no ${count} x ${text} in:\n${watchOutput}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        const watchedAsl = () => readFileSync(join(project, `build-${version}-watch/renamed.asl.json`), "utf8");
        try {
          await seen("watching 1 file(s)", 1);
          expect(watchedAsl()).toContain('"First"');
          writeFileSync(join(project, "workflows/renamed.ts"), renamedWorkflow("Second"));
          await seen("built 1 workflow(s)", 2);
          expect(watchedAsl()).toContain('"Second"');
          writeFileSync(join(project, "workflows/renamed.ts"), renamedWorkflow("Third"));
          await seen("built 1 workflow(s)", 3);
          expect(watchedAsl()).toContain('"Third"');
          expect(watchedAsl()).not.toContain('"Second"');
        } finally {
          watched.kill();
        }
        expect(on(["build", ...both, "--out", `build-${version}`])).toMatchObject({ code: 0 });
        const off = on(["build", ...both, "--out", `build-${version}-tsx`, "--verbose"], { STEPWRIGHT_TYPE_STRIPPING: "off" });
        expect(off).toMatchObject({
          code: 0,
          stderr: expect.stringContaining("stepwright: loading workflow modules through tsx: STEPWRIGHT_TYPE_STRIPPING=off\n"),
        });
        // The suite's Node, through tsx: what the files and positions under type stripping must equal.
        const suiteTsx = (args: string[]) => sh(project, "npx", ["stepwright", ...args], undefined, { STEPWRIGHT_TYPE_STRIPPING: "off" });
        expect(suiteTsx(["build", ...both, "--out", "build-suite-node"])).toMatchObject({ code: 0 });
        expect(files("build-suite-node")["greeting.asl.json"]).toContain('"Greeted"');
        expect(files(`build-${version}`)).toEqual(files("build-suite-node"));
        expect(files(`build-${version}-tsx`)).toEqual(files("build-suite-node"));
        // A module that throws as it loads (here a SyntaxError, as a failed link throws) ran once, is
        // SW0002 where it threw, and is not loaded again through tsx: the same as through tsx alone.
        const throwing = on(["check", "workflows/throws.ts", "--verbose"]);
        expect(loadingLines(throwing.stderr)).toEqual(["stepwright: loading workflow modules with type stripping by oxc-transform"]);
        expect(throwing).toMatchObject({
          code: 1,
          stdout: "throws.ts is loading\n",
          stderr: expect.stringContaining(
            "workflows/throws.ts:5:28 - error SW0002: Could not load workflows/throws.ts: SyntaxError: settings.json is not JSON\n",
          ),
        });
        expect(on(["check", "workflows/throws.ts"])).toEqual(suiteTsx(["check", "workflows/throws.ts"]));
        const run = on([
          "run",
          "workflows/hello.ts",
          "--input",
          '{"name":"Ada","language":"en"}',
          "--mock",
          'LookUpPerson={"known":true,"title":"Dr Ada"}',
        ]);
        expect(run).toMatchObject({ code: 0 });
        expect(JSON.parse(run.stdout)).toEqual({ name: "Ada", language: "en", person: { known: true, title: "Dr Ada" } });

        // A step's position comes from the user's file as it does through tsx: through oxc's source
        // map, the column after a type annotation on the step's line is where it was written.
        const throughTsx = { ...suiteTsx(["check", "workflows/too-long.ts"]), code: 1 };
        expect(throughTsx.stderr).toMatch(/^workflows\/too-long\.ts:4:31 - error SW2002: /);
        expect(on(["check", "workflows/too-long.ts"])).toEqual(throughTsx);
        // oxc-transform runs an enum (in a helper nothing checks) as TypeScript does: no tsx either.
        const colored = on(["check", "workflows/colored.ts", "workflows/hello.ts", "--verbose"]);
        expect(colored).toMatchObject({ code: 0, stderr: expect.stringContaining("2 workflow(s) checked, no errors") });
        expect(loadingLines(colored.stderr)).toEqual(["stepwright: loading workflow modules with type stripping by oxc-transform"]);
        // A project whose package.json names no type: its workflow holds an import, so it is an ES
        // module (as Node decides), loaded by oxc-transform without Node's warning about the package.
        const typeless = join(project, "typeless");
        mkdirSync(typeless, { recursive: true });
        writeFileSync(join(typeless, "package.json"), JSON.stringify({ name: "typeless", private: true }));
        writeFileSync(
          join(typeless, "tsconfig.json"),
          JSON.stringify({ ...JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8")), include: ["*.ts"] }),
        );
        writeFileSync(
          join(typeless, "hello.ts"),
          'import { succeed, workflow } from "stepwright";\n\nexport const hello = workflow("typeless-hello", { definition: succeed("Done") });\n',
        );
        const inTypeless = spawnSync(node, [bin, "check", "hello.ts", "--verbose"], { cwd: typeless, env, encoding: "utf8" });
        // (--verbose also says which type checker checked it, and how it started: not what this test is about.)
        const aboutTheChecker = /^stepwright: (type-checked|the native checker's server) .*\n/gm;
        expect({ code: inTypeless.status, stderr: inTypeless.stderr.replace(aboutTheChecker, "") }).toEqual({
          code: 0,
          stderr: "stepwright: loading workflow modules with type stripping by oxc-transform\n1 workflow(s) checked, no errors\n",
        });
        // Through tsx the same file loads as CommonJS, requiring the DSL this thread has imported as an
        // ES module: Node 22.12 and 22.15 refuse that (a cycle, they say), 22.23 and 24.21 do not. The
        // README says so: such a package sets "type": "module".
        const typelessTsx = spawnSync(node, [bin, "check", "hello.ts"], {
          cwd: typeless,
          env: { ...env, STEPWRIGHT_TYPE_STRIPPING: "off" },
          encoding: "utf8",
        });
        if (version === "22.12.0" || version === "22.15.0")
          expect({ code: typelessTsx.status, stderr: typelessTsx.stderr }).toMatchObject({
            code: 1,
            stderr: expect.stringContaining("error SW0002: Could not load hello.ts"),
          });
        else
          expect({ code: typelessTsx.status, stderr: typelessTsx.stderr }).toEqual({
            code: 0,
            stderr: "1 workflow(s) checked, no errors\n",
          });
        rmSync(typeless, { recursive: true, force: true });

        // A module oxc-transform cannot parse goes to tsx, and the user reads what tsx's build says.
        const brokenThroughTsx = suiteTsx(["check", "workflows/broken.ts"]);
        expect(brokenThroughTsx).toMatchObject({
          code: 1,
          stderr: expect.stringContaining("workflows/broken.ts:3:23 - error TS1109: Expression expected."),
        });
        expect(on(["check", "workflows/broken.ts"])).toEqual(brokenThroughTsx);
        expect(loadingLines(on(["check", "workflows/broken.ts", "--verbose"]).stderr)).toEqual([
          expect.stringMatching(
            /^stepwright: loading workflow modules through tsx: workflows\/broken\.ts did not load under type stripping \(.*broken\.ts: .+\)$/,
          ),
        ]);

        // Without oxc-transform's binary (a platform it has none for): Node's own stripping where this
        // Node has it, with the same files and positions; where it cannot load a module (the enum),
        // that and the rest go through tsx. A Node without type stripping goes to tsx at once.
        renameSync(join(bindings, binding), away);
        const noOxc = on(["build", ...both, "--out", `build-${version}-no-oxc`, "--verbose"]);
        expect(noOxc.code).toBe(0);
        expect(files(`build-${version}-no-oxc`)).toEqual(files("build-suite-node"));
        expect(on(["check", "workflows/too-long.ts"])).toEqual(throughTsx);
        const coloredNoOxc = on(["check", "workflows/colored.ts", "workflows/hello.ts", "--verbose"]);
        expect(coloredNoOxc).toMatchObject({ code: 0, stderr: expect.stringContaining("2 workflow(s) checked, no errors") });
        if (stripsTypes) {
          expect(loadingLines(noOxc.stderr)).toEqual([
            expect.stringMatching(/^stepwright: loading workflow modules with Node's type stripping: oxc-transform did not load \(.+\)$/),
          ]);
          expect(loadingLines(coloredNoOxc.stderr)).toEqual([
            "stepwright: loading workflow modules through tsx: workflows/colored.ts did not load under type stripping (TypeScript enum is not supported in strip-only mode)",
          ]);
        } else {
          expect(loadingLines(noOxc.stderr)).toEqual([
            expect.stringMatching(
              new RegExp(
                `^stepwright: loading workflow modules through tsx: oxc-transform did not load \\(.+\\) and this Node \\(${version}\\) does not strip types$`,
              ),
            ),
          ]);
        }
      } finally {
        if (existsSync(away)) renameSync(away, join(bindings, binding));
        rmSync(nodeDir, { recursive: true, force: true });
        for (const name of Object.keys(added)) rmSync(join(project, name), { force: true });
        for (const dir of [
          `build-${version}`,
          `build-${version}-tsx`,
          `build-${version}-no-oxc`,
          `build-${version}-watch`,
          "build-suite-node",
        ])
          rmSync(join(project, dir), { recursive: true, force: true });
      }
    },
    900_000,
  );

  test("`npx stepwright run` runs the workflow locally with mocks", () => {
    const result = sh(project, "npx", [
      "stepwright",
      "run",
      "workflows/hello.ts",
      "--input",
      '{"name":"Ada","language":"en"}',
      "--mock",
      'LookUpPerson={"known":true,"title":"Dr Ada"}',
    ]);
    expect(result).toMatchObject({ code: 0 });
    expect(JSON.parse(result.stdout)).toEqual({ name: "Ada", language: "en", person: { known: true, title: "Dr Ada" } });
  }, 240_000);

  test("the editor offers the input's fields and the operators after `$.`, never Stepwright's internals", () => {
    const file = join(project, "workflows/hello.ts");
    const services = new Project({ tsConfigFilePath: join(project, "tsconfig.json") }).getLanguageService().compilerObject;
    const text = readFileSync(file, "utf8");
    const completionsAt = (marker: string) => {
      const at = text.indexOf(marker) + marker.length;
      expect(at).toBeGreaterThan(marker.length - 1);
      return services
        .getCompletionsAtPosition(file, at, { includeCompletionsForModuleExports: true, includeCompletionsWithInsertText: true })!
        .entries.map((e) => e.name)
        .sort();
    };
    // `.parameters<Greeting>(($) => ({ name: $.name }))`: after `$.` come Greeting's fields and the type tests.
    expect(completionsAt("({ name: $.")).toEqual([
      "isBoolean",
      "isNull",
      "isNumeric",
      "isPresent",
      "isString",
      "isTimestamp",
      "language",
      "name",
    ]);
    // `$.person.known.eq(true)`: a boolean field offers eq and the type tests.
    expect(completionsAt("$.person.known.")).toEqual(["eq", "isBoolean", "isNull", "isNumeric", "isPresent", "isString", "isTimestamp"]);
    // A step offers its builder methods only.
    expect(completionsAt("  definition: lookUp.")).toEqual(
      [
        "arguments",
        "asl",
        "assign",
        "catch",
        "comment",
        "credentials",
        "heartbeat",
        "inputPath",
        "name",
        "next",
        "output",
        "outputPath",
        "parameters",
      ].concat(["queryLanguage", "resultPath", "resultSelector", "retry", "timeout"]),
    );
  });
});

/** A workflow that imports a helper module by TypeScript's name for it, a value and a type from it. */
const greetingWorkflow = `import { pass, succeed, workflow } from "stepwright";
import { greeted, type Greeting } from "./lib/names.js";

const first: Greeting = { text: greeted };

export const greeting = workflow("greeting", {
  definition: pass(first.text).next(succeed("Done")),
});
`;

const greetingNames = `export interface Greeting {
  readonly text: string;
}

export const greeted = "Greeted";
`;

/** A step whose name is too long, on a line with a type annotation before it. */
const tooLongWorkflow = `import { succeed, workflow } from "stepwright";

export const tooLong = workflow("too-long", {
  definition: ((n: number) => succeed("${"N".repeat(80)}" + n))(1),
});
`;

/** B needs a field A's output lacks: a type error, SW1001. */
const mismatchWorkflow = `import { lambda, task, workflow } from "stepwright";

const a = task("A", lambda<{ id: string }, { total: number }>("a"));
const b = task("B", lambda<{ total: number; missing: string }, {}>("b"));
export const mismatch = workflow("mismatch", { definition: a.next(b) });
`;

/** A workflow with a syntax error: oxc-transform refuses it, and tsx reports it as it always has. */
const brokenWorkflow = `import { succeed, workflow } from "stepwright";

const count: number = ;
export const broken = workflow("broken", { definition: succeed("Done") });
`;

/** A helper with an enum: Node's own type stripping cannot run it. */
const colorsModule = 'export enum Color {\n  Red = "Red",\n}\n';

/** A workflow that takes a value from an enum (in workflows/lib/colors.ts). */
const coloredWorkflow = `import { pass, succeed, workflow } from "stepwright";
import { Color } from "./lib/colors.js";

export const colored = workflow("colored", {
  definition: pass(Color.Red).next(succeed("Done")),
});
`;

/**
 * A workflow that says, as it loads, whether the loading thread has loaded Node's module that starts
 * a hooks thread (internal/modules/esm/hooks: before Node 22.15, module.register loads it).
 */
function probeWorkflow(name: string, imports: string): string {
  return `import { succeed, workflow } from "stepwright";
${imports}
const { console, process } = globalThis as unknown as { console: { error(text: string): void }; process: { moduleLoadList: string[] } };
console.error(\`${name}: hooks thread \${process.moduleLoadList.includes("NativeModule internal/modules/esm/hooks")}\`);
export const ${name} = workflow("${name}", { definition: succeed("Done") });
`;
}

/** A workflow that prints a line and then throws a SyntaxError as it loads. */
const throwsWorkflow = `import { succeed, workflow } from "stepwright";

const { console } = globalThis as unknown as { console: { log(text: string): void } };
console.log("throws.ts is loading");
const n: number = 1; throw new SyntaxError("settings.json is not JSON");
export const throws = workflow("throws", { definition: succeed(String(n)) });
`;

/** A workflow whose one state has the name given (a watch session's saves rename it). */
const renamedWorkflow = (state: string) => `import { succeed, workflow } from "stepwright";

export const renamed = workflow("renamed", { definition: succeed("${state}") });
`;
