/**
 * A user's ES module loaded by require in the loading thread, its types stripped by oxc-transform:
 * how a build loads a workflow before Node 22.15 without a hooks thread. What links, loads; what
 * cannot be linked without hooks comes back untouched (nothing of it ran), for the hooks thread to
 * load; what a module throws once it runs is its own error, never a reason to run it again.
 * (Whole builds this way run on Node 22.12 in test/package/consumer.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { findSourceMap } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { byRequire, requireStripped } from "../../../compiler/load/require-stripped.ts";
import { packageTypes } from "../../../compiler/load/strip-hooks.ts";
import { moduleStarted, oxcStripper, resetModuleStarted, type StripTypes } from "../../../compiler/load/strip-types.ts";
import { root } from "../../support/compile.ts";

const dir = mkdtempSync(join(tmpdir(), "sw-require-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stripper(): StripTypes {
  const strip = oxcStripper();
  if ("unavailable" in strip) throw new Error(`oxc-transform should load on this platform: ${strip.unavailable}`);
  return strip;
}

let files = 0;
/** A new module in an ES module package (each test its own folder: Node keeps a module by its URL). */
function moduleFile(text: string, siblings: Record<string, string> = {}, type = "module"): string {
  const folder = join(dir, `p${++files}`);
  mkdirSync(folder);
  writeFileSync(join(folder, "package.json"), JSON.stringify({ type }));
  for (const [name, content] of Object.entries(siblings)) writeFileSync(join(folder, name), content);
  writeFileSync(join(folder, "workflow.ts"), text);
  return join(folder, "workflow.ts");
}

/** What the module set on `globalThis.ranCount` (how many times its code ran), read and cleared. */
function ranCount(): number {
  const global = globalThis as { ranCount?: number };
  const count = global.ranCount ?? 0;
  delete global.ranCount;
  return count;
}
const runs = "(globalThis as { ranCount?: number }).ranCount = ((globalThis as { ranCount?: number }).ranCount ?? 0) + 1;";

/**
 * Where the module's code that called `callerSite` is written, found as the DSL finds a step's: the
 * caller's call site (V8's), mapped through the source map Node keeps for the module.
 */
function callerSite(): { line: number; column: number } | undefined {
  const errorClass = Error as { prepareStackTrace?: unknown };
  const prepare = errorClass.prepareStackTrace;
  errorClass.prepareStackTrace = (_: unknown, sites: NodeJS.CallSite[]) => sites;
  let frame: NodeJS.CallSite | undefined;
  try {
    frame = (new Error().stack as unknown as NodeJS.CallSite[])[1];
  } finally {
    errorClass.prepareStackTrace = prepare;
  }
  const entry = frame && findSourceMap(frame.getFileName()!)?.findEntry(frame.getLineNumber()! - 1, frame.getColumnNumber()! - 1);
  return entry && "originalLine" in entry ? { line: entry.originalLine + 1, column: entry.originalColumn + 1 } : undefined;
}

/** A module's function `site`, which returns where it calls `callerSite` (a global while it runs). */
function siteOf(exports: Record<string, unknown>): unknown {
  const global = globalThis as { callerSite?: typeof callerSite };
  global.callerSite = callerSite;
  try {
    return (exports.site as () => unknown)();
  } finally {
    delete global.callerSite;
  }
}
const declareCallerSite = "declare function callerSite(...args: unknown[]): unknown;";

function load(file: string) {
  resetModuleStarted();
  return requireStripped(file, stripper(), packageTypes());
}

describe("a module that imports packages, Node's modules and JavaScript", () => {
  test("loads, with its exports, its own URL, and what it imported", () => {
    const file = moduleFile(
      [
        'import { basename } from "node:path";',
        'import { greeting } from "./greeting.js";',
        "type Step = { name: string };",
        "const first: Step = { name: greeting };",
        "export const steps = [first];",
        "export const here = { url: import.meta.url, name: basename(import.meta.filename) };",
        runs,
      ].join("\n"),
      { "greeting.js": 'export const greeting = "hello";\n' },
    );
    const loaded = load(file);
    expect(loaded).toEqual({ exports: expect.objectContaining({ steps: [{ name: "hello" }] }) });
    if (!("exports" in loaded)) return;
    expect(loaded.exports.here).toEqual({ url: pathToFileURL(file).href, name: "workflow.ts" });
    expect(Object.keys(loaded.exports).sort()).toEqual(["here", "steps"]);
    expect(ranCount()).toBe(1);
  });

  test("its call sites map into the TypeScript as written (as the DSL maps a step's), past the types before the call", () => {
    const file = moduleFile(
      [
        "export function site(): unknown {",
        '  const why: string = "no"; const at: { n: number } = { n: 1 }; return callerSite(why, at.n);',
        "}",
        declareCallerSite,
      ].join("\n"),
    );
    process.setSourceMapsEnabled(true);
    const loaded = load(file);
    if (!("exports" in loaded)) throw new Error(`it should load: ${loaded.elsewhere}`);
    expect(siteOf(loaded.exports)).toEqual({
      line: 2,
      column: '  const why: string = "no"; const at: { n: number } = { n: 1 }; return '.length + 1,
    });
  });

  test("a hashbang stays its first line, and what follows maps to where it is written", () => {
    const file = moduleFile(["#!/usr/bin/env node", "export const site = (): unknown => callerSite();", declareCallerSite].join("\n"));
    process.setSourceMapsEnabled(true);
    const loaded = load(file);
    if (!("exports" in loaded)) throw new Error(`it should load: ${loaded.elsewhere}`);
    expect(siteOf(loaded.exports)).toEqual({ line: 2, column: "export const site = (): unknown => ".length + 1 });
  });

  test("Node says nothing about a require of an ES module", () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      expect(load(moduleFile("export const quiet = true;\n"))).toEqual({ exports: expect.objectContaining({ quiet: true }) });
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe("what cannot load without hooks comes back, and none of its code ran", () => {
  test.each([
    [
      "a TypeScript module by TypeScript's name for it (./names.js for names.ts)",
      'import { name } from "./names.js";',
      { "names.ts": 'export const name: string = "n";\n' },
    ],
    ["a TypeScript module by its own name", 'import { name } from "./names.ts";', { "names.ts": 'export const name: string = "n";\n' }],
    ["a top-level await", "await Promise.resolve();", {}],
  ])("%s", (_, line, siblings) => {
    const file = moduleFile([line, runs, "export const x: number = 1;"].join("\n"), siblings);
    expect(load(file)).toEqual({ elsewhere: expect.any(String) });
    expect(ranCount()).toBe(0);
    expect(moduleStarted()).toBe(false);
  });

  test("CommonJS (a package whose type is commonjs)", () => {
    const file = moduleFile("const x: number = 1;\nmodule.exports = { x };\n", {}, "commonjs");
    expect(load(file)).toEqual({ elsewhere: `${file} is not an ES module` });
  });

  test("a file this thread has loaded before: Node would hand back the first evaluation's exports", () => {
    const file = moduleFile(`${runs}\nexport const x: number = 1;\n`);
    expect(load(file)).toEqual({ exports: expect.objectContaining({ x: 1 }) });
    expect(load(file)).toEqual({ elsewhere: `${file} was evaluated in this thread before` });
    expect(ranCount()).toBe(1);
  });
});

/**
 * Loads a module by require in a Node of its own, as the loading thread does, and says what came of
 * it a moment later: Node 22.12 also reports a module's throw as an unhandled rejection, which
 * would end the process (and a test runner's own listener would count it against the test).
 */
function loadAlone(file: string): { thrown?: string; started: boolean; ranCount: number } {
  const module = (name: string) => JSON.stringify(pathToFileURL(join(root, "compiler/load", name)).href);
  const script = [
    `import { requireStripped } from ${module("require-stripped.ts")};`,
    `import { packageTypes } from ${module("strip-hooks.ts")};`,
    `import { moduleStarted, oxcStripper } from ${module("strip-types.ts")};`,
    "let thrown;",
    "try {",
    `  requireStripped(${JSON.stringify(file)}, oxcStripper(), packageTypes());`,
    "} catch (error) {",
    "  thrown = String(error);",
    "}",
    "setTimeout(() => console.log(JSON.stringify({ thrown, started: moduleStarted(), ranCount: globalThis.ranCount ?? 0 })), 100);",
  ].join("\n");
  const scriptFile = join(dir, `load-${++files}.mjs`);
  writeFileSync(scriptFile, script);
  const run = spawnSync(process.execPath, ["--import", "tsx", scriptFile], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  return JSON.parse(run.stdout) as { thrown?: string; started: boolean; ranCount: number };
}

describe("what a module throws once it runs is thrown, and it ran once", () => {
  test.each([
    ["an Error", 'throw new Error("broken at load");', "Error: broken at load"],
    // Node's own errors carry ERR_ codes, as a failed link does: the module ran, so it is not tried again.
    [
      "an error with a code of Node's",
      'throw Object.assign(new TypeError("bad argument"), { code: "ERR_INVALID_ARG_TYPE" });',
      "TypeError: bad argument",
    ],
    ["a SyntaxError", 'JSON.parse("{");', "SyntaxError: Expected property name or '}' in JSON at position 1 (line 1 column 2)"],
  ])("%s", (_, line, thrown) => {
    const file = moduleFile([runs, line, "export const x: number = 1;"].join("\n"));
    expect(loadAlone(file)).toEqual({ thrown, started: true, ranCount: 1 });
  });

  test("what oxc-transform cannot parse is a SyntaxError (the module then goes to tsx), and nothing ran", () => {
    const file = moduleFile(`${runs}\nexport const x: = 1;\n`);
    expect(() => load(file)).toThrow(SyntaxError);
    expect(ranCount()).toBe(0);
    expect(moduleStarted()).toBe(false);
  });
});

describe("whether modules may load by require", () => {
  test.each([
    { execArgv: [], nodeOptions: undefined, allowed: true },
    { execArgv: ["--enable-source-maps"], nodeOptions: "--max-old-space-size=4096", allowed: true },
    // Hooks of the user's must see each module.
    { execArgv: ["--import", "tsx"], nodeOptions: undefined, allowed: false },
    { execArgv: ["--import=./hooks.mjs"], nodeOptions: undefined, allowed: false },
    { execArgv: ["--experimental-loader", "./loader.mjs"], nodeOptions: undefined, allowed: false },
    { execArgv: ["--loader=./loader.mjs"], nodeOptions: undefined, allowed: false },
    { execArgv: ["-r", "./preload.cjs"], nodeOptions: undefined, allowed: false },
    { execArgv: [], nodeOptions: "--require ./preload.cjs", allowed: false },
    { execArgv: [], nodeOptions: "--enable-source-maps --import=./hooks.mjs", allowed: false },
  ])("flags $execArgv, NODE_OPTIONS $nodeOptions: $allowed", ({ execArgv, nodeOptions, allowed }) => {
    expect(byRequire(execArgv, nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions })).toBe(allowed);
  });
});
