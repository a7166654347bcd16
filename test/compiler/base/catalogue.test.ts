/**
 * One catalogue of diagnostic codes (compiler/base/catalogue.ts): every code the source reports is in
 * it and every code in it is reported somewhere; every code has a test that triggers it; each
 * example the docs page shows triggers its code when compiled; and docs/diagnostics.md is what the
 * catalogue generates (a new code without its page fails here).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { catalogue, type Code } from "../../../compiler/base/catalogue.ts";
import { checkWorkflow } from "../../../compiler/check.ts";
import { readAsl } from "../../../compiler/read/asl.ts";
import { diagnosticsPage } from "../../../scripts/docs.ts";
import { root } from "../../support/compile.ts";

const codes = Object.keys(catalogue) as Code[];

/** The `.ts` files under a folder of the repository, recursively. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}
const quotedCodes = (file: string) => [...readFileSync(join(root, file), "utf8").matchAll(/"(SW\d{4})"/g)].map((m) => m[1]!);

describe("the diagnostics catalogue", () => {
  test("every code the compiler and the DSL report is in it, and every code in it is reported", () => {
    const reported = new Set([...sources("compiler"), ...sources("src")].filter((f) => !f.endsWith("catalogue.ts")).flatMap(quotedCodes));
    expect([...reported].filter((c) => !codes.includes(c as Code))).toEqual([]);
    expect(codes.filter((c) => !reported.has(c))).toEqual([]);
  });

  test("every code has a test that names it", () => {
    const tested = new Set(
      sources("test")
        .filter((f) => !f.startsWith("test/fixtures/") && f !== "test/compiler/base/catalogue.test.ts")
        .flatMap((f) => [...readFileSync(join(root, f), "utf8").matchAll(/SW\d{4}/g)].map((m) => m[0])),
    );
    expect(codes.filter((c) => !tested.has(c))).toEqual([]);
  });

  test("docs/diagnostics.md is what the catalogue generates (npm run docs)", () => {
    expect(readFileSync(join(root, "docs/diagnostics.md"), "utf8")).toBe(diagnosticsPage());
  });
});

describe("each example on the page triggers its code", () => {
  const examples = codes.flatMap((code) => {
    const example: string | undefined = (catalogue[code] as { example?: string }).example;
    return example ? [{ code, example }] : [];
  });
  let compiled: CompileResult;
  beforeAll(async () => {
    const files = examples.filter((e) => e.example.endsWith(".ts")).map((e) => e.example);
    compiled = await compile({ files, cwd: root, checkOnly: true });
  }, 480_000);

  test.each(examples)("$code: $example", ({ code, example }) => {
    const found = example.endsWith(".json")
      ? checkWorkflow(readAsl(JSON.parse(readFileSync(join(root, example), "utf8")))).map((d) => d.code)
      : compiled.diagnostics.filter((d) => d.file === join(root, example)).map((d) => d.code);
    expect(found).toContain(code);
    expect(compiled.diagnostics.find((d) => d.code === code)?.severity ?? catalogue[code].severity).toBe(catalogue[code].severity);
  });
});
