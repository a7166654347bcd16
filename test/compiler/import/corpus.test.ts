/**
 * Every definition of ../shared/corpus/valid (written by others), imported as a user would: the
 * module builds back to the definition it was read from (as a JSON value), passes TypeScript 7's
 * strict `tsc`, and `stepwright check` finds nothing in it. What does not is listed with why (the
 * README lists the same): the lists must be exact, so a change that fixes or breaks one shows.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "../../../compiler/index.ts";
import { importModule } from "../../../compiler/import/module.ts";
import { root } from "../../support/compile.ts";
import { notImported, reported, warned } from "../../support/import-exceptions.ts";
import { tempProject } from "../../support/temp-project.ts";

const corpus = join(root, "../shared/corpus/valid");
const files = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory())
  .flatMap((d) => readdirSync(join(corpus, d)).map((f) => `${d}/${f}`))
  .sort();

interface Imported {
  readonly file: string;
  readonly definition: unknown;
  readonly text?: string;
  readonly finding?: string;
}

let imported: Imported[];
let project: string;
let compiled: CompileResult;
let tscErrors: Map<string, string[]>;
const moduleOf = (i: number) => `src/w${i}.ts`;

beforeAll(async () => {
  imported = files.map((file, i) => {
    const definition = JSON.parse(readFileSync(join(corpus, file), "utf8")) as unknown;
    const result = importModule([{ name: `w${i}`, definition, origin: file }]);
    return { file, definition, ...(result.text !== undefined ? { text: result.text } : { finding: result.findings[0]!.message }) };
  });
  const modules = Object.fromEntries(imported.flatMap((m, i) => (m.text !== undefined ? [[moduleOf(i), m.text]] : [])));
  // Strict settings, as `stepwright init` writes them (noUncheckedIndexedAccess included): what the module must pass.
  project = tempProject(modules, { compilerOptions: { noUncheckedIndexedAccess: true } });
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(project, "tsconfig.json")], {
    encoding: "utf8",
  });
  tscErrors = new Map();
  for (const line of tsc.stdout.split("\n")) {
    const match = /^src\/(w\d+)\.ts\(\d+,\d+\): error (TS\d+)/.exec(line);
    if (match) tscErrors.set(match[1]!, [...(tscErrors.get(match[1]!) ?? []), match[2]!]);
  }
  compiled = await compile({ cwd: project, files: Object.keys(modules), checkOnly: true });
}, 900_000);

describe("importing every definition of the corpus", () => {
  test("the corpus is there", () => {
    expect(files.length).toBeGreaterThan(300);
  });

  test("every definition imports, except those listed, each with the finding that says why", () => {
    const refused = Object.fromEntries(imported.filter((m) => m.finding !== undefined).map((m) => [m.file, m.finding!]));
    expect(Object.keys(refused).sort()).toEqual(Object.keys(notImported).sort());
    for (const [file, finding] of Object.entries(refused)) expect(finding).toContain(notImported[file]);
  });

  test("each module builds back to the very definition it was read from", () => {
    const built = new Map(compiled.workflows.map((w) => [w.name, w.asl]));
    const differing = imported.flatMap((m, i) =>
      m.text !== undefined && !isDeepStrictEqual(built.get(`w${i}`), m.definition) ? [m.file] : [],
    );
    expect(differing).toEqual([]);
    expect(built.size).toBe(imported.filter((m) => m.text !== undefined).length);
  });

  test("strict tsc and `stepwright check` find nothing, except in those listed, with what is listed", () => {
    const found = new Map<string, Set<string>>();
    const add = (file: string, code: string) => found.set(file, (found.get(file) ?? new Set()).add(code));
    for (const [w, codes] of tscErrors) for (const code of codes) add(imported[Number(w.slice(1))]!.file, code);
    // A restated TypeScript error counts under its TypeScript code too.
    for (const d of compiled.diagnostics.filter((d) => d.severity === "error"))
      for (const code of [d.code, d.typescript ?? d.code]) add(imported[Number(/w(\d+)\.ts$/.exec(d.file!)![1])]!.file, code);
    expect([...found.keys()].sort()).toEqual(Object.keys(reported).sort());
    for (const [file, code] of Object.entries(reported)) expect([...found.get(file)!]).toContain(code);
  });

  test("the assumptions a module writes (what AWS may not give, read all the same) are warnings, and only those listed", () => {
    const warnings = new Map<string, Set<string>>();
    for (const d of compiled.diagnostics.filter((d) => d.severity === "warning")) {
      const file = imported[Number(/w(\d+)\.ts$/.exec(d.file!)![1])]!.file;
      warnings.set(file, (warnings.get(file) ?? new Set()).add(d.code));
    }
    expect(Object.fromEntries([...warnings].map(([file, codes]) => [file, [...codes].sort().join(" ")]))).toEqual(
      Object.fromEntries(Object.entries(warned).map(([file, w]) => [file, w.code])),
    );
    for (const file of Object.keys(warned)) expect(imported.find((m) => m.file === file)!.text).toContain("assumeFound: true");
  });

  test("the generated code writes no `any`, and declares types where data enters", () => {
    const texts = imported.flatMap((m) => (m.text !== undefined ? [m.text] : []));
    expect(texts.filter((t) => /\bany\b/.test(t.replace(/"(?:[^"\\]|\\.)*"/g, '""')))).toEqual([]);
    expect(texts.filter((t) => /export interface \w+Input /.test(t)).length).toBeGreaterThan(texts.length * 0.9);
  });

  test("importing is deterministic: the same definition gives the same text", () => {
    const again = files
      .slice(0, 40)
      .map(
        (file, i) => importModule([{ name: `w${i}`, definition: JSON.parse(readFileSync(join(corpus, file), "utf8")), origin: file }]).text,
      );
    expect(again).toEqual(imported.slice(0, 40).map((m) => m.text));
  });
});
