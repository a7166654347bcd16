/**
 * oxc-transform as the loading thread's type stripper: it erases the types and nothing a strict
 * project's TypeScript would keep, and its source map points every step back at the user's file.
 * (Whole builds through it run on Node 22.15, 22.23 and 24.21 in test/package/consumer.test.ts.)
 */
import { SourceMap } from "node:module";
import { describe, expect, test } from "vitest";
import { moduleStarted, oxcStripper, resetModuleStarted, type StripTypes } from "../../compiler/load/strip-types.ts";
import { hasModuleSyntax } from "../../compiler/load/strip-hooks.ts";
import { strippingFailed } from "../../compiler/load/type-stripping.ts";

function stripper(): StripTypes {
  const strip = oxcStripper();
  if ("unavailable" in strip) throw new Error(`oxc-transform should load on this platform: ${strip.unavailable}`);
  return strip;
}

/** The code without its source map comment, and the map. */
function split(output: string): { code: string; map: SourceMap } {
  const at = output.lastIndexOf("\n//# sourceMappingURL=data:application/json;base64,");
  expect(at).toBeGreaterThan(0);
  const payload = JSON.parse(Buffer.from(output.slice(at).split("base64,")[1]!.trim(), "base64").toString("utf8"));
  return { code: output.slice(0, at), map: new SourceMap(payload) };
}

/** Where `needle` (found once only) starts in `text`: 1-based line and column. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, index + 1)).toBe(-1);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("what oxc-transform keeps and erases", () => {
  const source = [
    'import { type Person, lookUp } from "./people.js";',
    'import type { Order } from "./orders.js";',
    'import { type Only } from "./side-effects.js";',
    "export type { Person };",
    "declare const region: string;",
    "const first = lookUp<Person>(region) as Person;",
    "const order = { id: 1 } satisfies Partial<Order>;",
    "class Step { name!: string; declare hidden: number; retries = 0 }",
    "export const values = [first!, order, new Step()];",
  ].join("\n");

  test("types go; every value, and every import not marked type, stays", () => {
    const { code } = split(stripper()("/app/workflow.ts", source));
    expect(code).toContain('import { lookUp } from "./people.js"');
    // Kept for its side effects, as TypeScript keeps it under verbatimModuleSyntax.
    expect(code).toContain('import "./side-effects.js"');
    expect(code).not.toContain("./orders.js");
    expect(code).toContain("const first = lookUp(region);");
    expect(code).toContain("const order = { id: 1 };");
    expect(code).toContain("export const values = [\n\tfirst,");
    expect(code).not.toMatch(/\b(Person|Order|Only|declare|hidden|satisfies)\b/);
  });

  test("class fields stay defined, as TypeScript defines them from ES2022 on", () => {
    const { code } = split(stripper()("/app/workflow.ts", source));
    expect(code).toMatch(/class Step \{\s*name;\s*retries = 0;\s*\}/);
  });

  test("what it cannot parse is a SyntaxError, which sends the module to tsx", () => {
    let thrown: unknown;
    try {
      stripper()("/app/broken.ts", "export const x: = 1;\n");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SyntaxError);
    expect(String(thrown)).toContain("/app/broken.ts: ");
    expect(strippingFailed(thrown)).toBe(true);
  });
});

describe("positions through the source map", () => {
  // Types before a step on its line, and a generic call over lines: the columns move when they go.
  const source = [
    'import { lambda, task, workflow } from "stepwright";',
    "type In = { id: string };",
    'const arn: string = "arn:aws:lambda:us-east-1:123456789012:function:charge";',
    'export const w = workflow<In>("w", { definition: task<In, { ok: boolean }>("Charge", lambda(arn)).next(task("Ship", lambda(arn as string))) });',
    "export const v = workflow<",
    "  In",
    '>("v", { definition: task("Pack", lambda(arn)) });',
  ].join("\n");

  // Each call as written, and as it reads once the types are gone (V8 places a call at its name).
  test.each([
    ['workflow<In>("w"', 'workflow("w"'],
    ['task<In, { ok: boolean }>("Charge"', 'task("Charge"'],
    ["lambda(arn)).next", "lambda(arn)).next"],
    ['next(task("Ship"', 'next(task("Ship"'],
    ['task("Ship"', 'task("Ship"'],
    ["lambda(arn as string)", "lambda(arn)))"],
    ["workflow<\n", 'workflow("v"'],
    ['task("Pack"', 'task("Pack"'],
    ["lambda(arn)) });", "lambda(arn)) });"],
  ])("the call at %j maps to where it is written", (written, stripped) => {
    const { code, map } = split(stripper()("/app/workflow.ts", source));
    const generated = positionOf(code, stripped);
    const entry = map.findEntry(generated.line - 1, generated.column - 1);
    const original: { line: number; column: number } | undefined =
      "originalLine" in entry ? { line: entry.originalLine + 1, column: entry.originalColumn + 1 } : undefined;
    expect(original).toEqual(positionOf(source, written));
  });
});

describe("an ES module by its syntax, as oxc-transform prints it", () => {
  test("statements written indented or on one line come out at the start of a line", () => {
    const strip = stripper();
    const { code } = split(
      strip("/app/w.ts", `   import { pass } from "stepwright"; const a: number = 1;\n  export const b = pass("B"), c = a;\n`),
    );
    expect(hasModuleSyntax(code)).toBe(true);
    expect(
      hasModuleSyntax(split(strip("/app/script.ts", `  const name: string = "x";\n  console.log(name, "import y from z");\n`)).code),
    ).toBe(false);
  });
});

describe("a stripped module says when it begins to run", () => {
  test("its first statement marks it started: a load that fails before it may be tried again, one after must not be", () => {
    const { code } = split(stripper()("/app/w.ts", 'import { pass } from "stepwright";\nexport const a: number = 1;\n'));
    resetModuleStarted();
    expect(moduleStarted()).toBe(false);
    new Function(code.split("\n")[0]!)();
    expect(moduleStarted()).toBe(true);
    resetModuleStarted();
    expect(moduleStarted()).toBe(false);
    // The module's own first line comes after it (the map's lines move with it: see the positions above).
    expect(code.split("\n")[1]).toBe('import { pass } from "stepwright";');
  });

  test("a hashbang gives its line to the statement: nothing may come before a hashbang, and nothing maps to it", () => {
    const { code, map } = split(stripper()("/app/cli.ts", "#!/usr/bin/env node\nexport const a: number = 1;\n"));
    expect(code).not.toContain("#!");
    expect(code.split("\n")[1]).toBe("export const a = 1;");
    const entry = map.findEntry(1, "export const ".length);
    expect("originalLine" in entry ? [entry.originalLine, entry.originalColumn] : undefined).toEqual([1, "export const ".length]);
  });
});
