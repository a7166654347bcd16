/**
 * Two ways to type-check, one set of findings: TypeScript 7's native checker, which checks and
 * restates errors in the words of steps and fields itself, and the JavaScript checker, the
 * fallback where the native one cannot run (and for files outside the tsconfig's project). Every
 * diagnostic fixture gives the same output through both; neither a clean build nor one with errors
 * starts the JavaScript checker while the native one runs.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { TypeChecker } from "../../../compiler/typeflow/checker.ts";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";

const listed = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f}`);
const fixtures = [
  ...listed("test/fixtures/flow"),
  ...listed("test/fixtures/edges"),
  ...listed("test/fixtures/rules"),
  ...listed("test/fixtures/valid"),
  ...listed("test/fixtures"),
];
const examples = listed("examples");
const scope = { region: "us-east-1", account: "123456789012" };

// The fixtures' own project (the repository's options): both paths check with the same tsconfig.
const tsconfig = "test/fixtures/tsconfig.json";

async function compileWith(
  files: string[],
  options: ConstructorParameters<typeof TypeChecker>[2],
  project = files.every((f) => f.startsWith("test/fixtures/")) ? tsconfig : undefined,
): Promise<{ result: CompileResult; checker: TypeChecker; notices: string[] }> {
  const notices: string[] = [];
  const checker = new TypeChecker(root, project, {
    ...options,
    onNotice: (line) => notices.push(line),
  });
  try {
    return { result: await compile({ files, cwd: root, ...scope, checker }), checker, notices };
  } finally {
    await checker.close();
  }
}

/** Fixtures whose findings the read checks make (TypeScript finds these files clean): steps declared on their own, most edges. */
const typeScriptRejects = ["edges/nested-chain.ts", "edges/parallel-branch-inline.ts", "edges/declared-pass-through.ts"];
// A Choice's branch target is compared both ways by TypeScript: what its rule lets through is the read checks' to say.
const branchTargets = ["flow/choice-branch.ts"];
const foundByReads = (file: string) =>
  file.includes("/declared-alone-") ||
  branchTargets.some((f) => file.endsWith(f)) ||
  (file.includes("/fixtures/edges/") && !typeScriptRejects.some((f) => file.endsWith(f)));

describe("the native and the JavaScript type-check paths", () => {
  test("give every diagnostic fixture the same diagnostics, word for word and position for position", async () => {
    const native = await compileWith(fixtures, {});
    const javascript = await compileWith(fixtures, { native: false });
    expect(native.notices).toEqual([]);
    expect(native.result.diagnostics.filter((d) => /^SW1/.test(d.code)).length).toBeGreaterThanOrEqual(9);
    expect(native.result.diagnostics).toEqual(javascript.result.diagnostics);
    // Type errors in many files, each restated by the native checker: the JavaScript one never started.
    const typeErrorFiles = new Set(
      native.result.diagnostics.filter((d) => /^(SW1|TS)/.test(d.code) && !foundByReads(d.file!)).map((d) => d.file),
    );
    expect(typeErrorFiles.size).toBeGreaterThanOrEqual(20);
    expect(native.checker.javascriptStarted).toBe(false);
    expect(javascript.checker.javascriptChecked).toHaveLength(fixtures.length);
  }, 480_000);

  test("a clean build is checked by the native checker alone: the JavaScript checker never starts", async () => {
    const { result, checker, notices } = await compileWith(examples, {});
    expect(result.diagnostics).toEqual([]);
    expect(result.workflows).toHaveLength(examples.length + 1); // fulfilment.ts holds two workflows
    expect(notices).toEqual([]);
    expect(checker.javascriptStarted).toBe(false);
  });

  test("a check never loads the JavaScript checker's TypeScript (ts-morph), not even in the main thread, with errors or without", () => {
    const imports = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ["--import", join(root, "test/support/report-imports.mjs"), join(root, "compiler/bin.mjs"), "check", ...args],
        { cwd: root, encoding: "utf8" },
      )
        .stderr.split("\n")
        .filter((line) => line.startsWith("import: "));
    const clean = imports("examples/approval.ts");
    expect(clean.some((line) => line.includes("/src/steps/"))).toBe(true);
    expect(clean.filter((line) => line.includes("/ts-morph/"))).toEqual([]);
    const failing = imports("test/fixtures/flow/missing-field.ts", "--tsconfig", tsconfig);
    // The error was restated in this process, by the native checker's answers (whether the workflow
    // module loaded depends on which finishes first: the check or the loading).
    expect(failing.some((line) => line.includes("/compiler/typeflow/restate/native-ops"))).toBe(true);
    expect(failing.filter((line) => line.includes("/ts-morph/"))).toEqual([]);
  });

  test("a file outside the tsconfig's project is checked by the JavaScript checker, alone, with the same findings", async () => {
    // The fixtures' tsconfig holds only test/fixtures: an example is outside it.
    const files = ["test/fixtures/flow/missing-field.ts", "examples/approval.ts"];
    const { result, checker } = await compileWith(files, {}, tsconfig);
    const { result: fallback } = await compileWith(files, { native: false }, tsconfig);
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([`SW1001 ${join(root, "test/fixtures/flow/missing-field.ts")}`]);
    expect(result.diagnostics).toEqual(fallback.diagnostics);
    expect(checker.javascriptChecked).toEqual([join(root, "examples/approval.ts")]);
  });

  test("a package that names no type: a workflow is an ES module, as Node decides; neither checker calls its imports CommonJS", async () => {
    const dir = tempProject(
      {
        "package.json": JSON.stringify({ name: "typeless", private: true }),
        "src/hello.ts":
          'import { succeed, workflow } from "stepwright";\n\nexport const hello = workflow("typeless-hello", { definition: succeed("Done") });\n',
      },
      { compilerOptions: { verbatimModuleSyntax: true } },
    );
    const file = join(dir, "src/hello.ts");
    for (const options of [{}, { native: false }]) {
      const checker = new TypeChecker(dir, undefined, options);
      try {
        expect(await checker.check([file]), JSON.stringify(options)).toEqual({ diagnostics: [], unparsable: [] });
      } finally {
        await checker.close();
      }
    }
    // TypeScript itself calls the file CommonJS there (what Stepwright leaves out).
    const tsc = spawnSync(join(root, "node_modules/.bin/tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
    expect(tsc.stdout).toMatch(/error TS1295: ECMAScript imports and exports cannot be written in a CommonJS file/);
  });

  test("where the native binary cannot start, the JavaScript checker gives the same results, and says so once", async () => {
    const files = ["test/fixtures/valid/idiomatic.ts", "test/fixtures/flow/missing-field.ts"];
    const missing = await compileWith(files, { nativeBinary: join(root, "no-such-tsgo") });
    const native = await compileWith(files, {});
    expect(missing.notices).toEqual([
      expect.stringMatching(/^the native TypeScript checker is not available \(.*no-such-tsgo.*\); checking with the JavaScript one$/),
    ]);
    expect(missing.result.diagnostics).toEqual(native.result.diagnostics);
    expect(missing.result.files).toEqual(native.result.files);
  }, 240_000);
});
