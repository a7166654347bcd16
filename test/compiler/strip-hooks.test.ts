/**
 * The resolve hook under Node's type stripping: TypeScript's `./x.js` finds `./x.ts` where no
 * `./x.js` exists (as tsx and NodeNext resolve it), and each user module carries its importer's
 * build version, so every build evaluates the user's modules afresh. (Whole builds through it run
 * on Node 22.23 and 24.21 in test/package/consumer.test.ts: this suite's Node has no type stripping.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { LoadFnOutput, LoadHookContext, ResolveFnOutput, ResolveHookContext } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import {
  hasModuleSyntax,
  loadStripped,
  loadStrippedOffThread,
  packageTypes,
  resolveStripped,
  resolveStrippedOffThread,
  typeScriptTwin,
} from "../../compiler/load/strip-hooks.ts";

const own = "file:///pkg/node_modules/stepwright/dist/src/";

/** A default resolver that knows only these files, and fails as Node's does for any other. */
function nodeResolving(existing: readonly string[]) {
  return (specifier: string, context?: Partial<ResolveHookContext>): ResolveFnOutput => {
    const url = specifier.startsWith("file:") ? specifier : new URL(specifier, context?.parentURL).href;
    if (!existing.includes(url)) throw Object.assign(new Error(`Cannot find module '${url}'`), { code: "ERR_MODULE_NOT_FOUND" });
    return { url, format: "module" };
  };
}

/** The resolve hook in the importing thread (Node 22.15 on), and in a hooks thread, whose next hook answers in a promise. */
const resolvers = [
  {
    where: "in the importing thread",
    resolve: (parentURL: string, specifier: string, existing: readonly string[]) =>
      resolveStripped([own])(specifier, { parentURL, conditions: ["node", "import"], importAttributes: {} }, nodeResolving(existing)).url,
  },
  {
    where: "in a hooks thread",
    resolve: async (parentURL: string, specifier: string, existing: readonly string[]) => {
      const next = async (s: string, c?: Partial<ResolveHookContext>) => nodeResolving(existing)(s, c);
      return (await resolveStrippedOffThread([own])(specifier, { parentURL, conditions: ["node", "import"], importAttributes: {} }, next))
        .url;
    },
  },
];

describe("TypeScript's names for its files", () => {
  test("relative and absolute .js, .mjs and .cjs name .ts, .mts and .cts", () => {
    expect(typeScriptTwin("./names.js")).toBe("./names.ts");
    expect(typeScriptTwin("../lib/util.mjs")).toBe("../lib/util.mts");
    expect(typeScriptTwin("/abs/legacy.cjs")).toBe("/abs/legacy.cts");
    expect(typeScriptTwin("file:///abs/names.js")).toBe("file:///abs/names.ts");
  });

  test("a package, a file without such an extension or a .ts file names no twin", () => {
    expect(typeScriptTwin("stepwright")).toBeUndefined();
    expect(typeScriptTwin("lodash/fp.js")).toBeUndefined();
    expect(typeScriptTwin("./names")).toBeUndefined();
    expect(typeScriptTwin("./names.ts")).toBeUndefined();
    expect(typeScriptTwin("./data.json")).toBeUndefined();
  });
});

describe.each(resolvers)("resolving under type stripping, $where", ({ resolve }) => {
  const parent = "file:///app/workflows/hello.ts?sw-v=3";

  test("./x.js finds x.ts when there is no x.js, at the importer's version", async () => {
    expect(await resolve(parent, "./names.js", ["file:///app/workflows/names.ts"])).toBe("file:///app/workflows/names.ts?sw-v=3");
  });

  test("an x.js that exists is x.js", async () => {
    expect(await resolve(parent, "./names.js", ["file:///app/workflows/names.js", "file:///app/workflows/names.ts"])).toBe(
      "file:///app/workflows/names.js?sw-v=3",
    );
  });

  test("neither: Node's own error for what was written, not for the twin", async () => {
    await expect(async () => resolve(parent, "./gone.js", [])).rejects.toThrow("Cannot find module 'file:///app/workflows/gone.js'");
  });

  test("Stepwright's own modules, node_modules and a first load without a version stay as they are", async () => {
    expect(await resolve(parent, `${own}index.js`, [`${own}index.js`])).toBe(`${own}index.js`);
    expect(await resolve(parent, "file:///app/node_modules/zod/index.js", ["file:///app/node_modules/zod/index.js"])).toBe(
      "file:///app/node_modules/zod/index.js",
    );
    expect(await resolve("file:///app/workflows/hello.ts", "./names.js", ["file:///app/workflows/names.ts"])).toBe(
      "file:///app/workflows/names.ts",
    );
  });
});

describe("loading under a stripper of Stepwright's own", () => {
  const dir = mkdtempSync(join(tmpdir(), "sw-strip-load-"));
  mkdirSync(join(dir, "node_modules/dep"), { recursive: true });
  for (const name of ["hello.ts", "tool.mts", "legacy.cts", "plain.js", "node_modules/dep/index.ts"])
    writeFileSync(join(dir, name), `export const name: string = "${name}";\n`);
  writeFileSync(join(dir, "script.ts"), `const name: string = "script";\nconsole.log(name);\n`);
  const url = (name: string, query = "") => `${pathToFileURL(join(dir, name)).href}${query}`;
  const context: LoadHookContext = { conditions: ["node", "import"], format: undefined, importAttributes: {} };
  /** Node's own load, which says it ran. */
  const nodeLoad = (at: string): LoadFnOutput => ({ format: "module", source: `// node loaded ${at}` });
  /** The hook under a stripper that marks what it stripped, in a package whose package.json says `type`. */
  const load = (name: string, type: string | undefined, query = "") =>
    loadStripped(
      (path, source) => `// stripped ${path}\n${source.replace(": string", "")}`,
      () => type,
    )(url(name, query), context, nodeLoad);

  test("a .ts file of an ES module package and an .mts file are stripped as ES modules, the build's version aside", () => {
    expect(load("hello.ts", "module", "?sw-v=2")).toEqual({
      format: "module",
      source: `// stripped ${join(dir, "hello.ts")}\nexport const name = "hello.ts";\n`,
      shortCircuit: true,
    });
    expect(load("tool.mts", undefined)).toMatchObject({
      format: "module",
      source: expect.stringContaining(`// stripped ${join(dir, "tool.mts")}`),
    });
  });

  test("a .ts file of a package that names no type is an ES module when it holds an import or export, as Node decides", () => {
    expect(load("hello.ts", undefined)).toEqual({
      format: "module",
      source: `// stripped ${join(dir, "hello.ts")}\nexport const name = "hello.ts";\n`,
      shortCircuit: true,
    });
    expect(load("script.ts", undefined)).toEqual(nodeLoad(url("script.ts")));
  });

  test("CommonJS TypeScript, JavaScript and node_modules load as Node loads them", () => {
    expect(load("legacy.cts", "module")).toEqual(nodeLoad(url("legacy.cts")));
    expect(load("hello.ts", "commonjs")).toEqual(nodeLoad(url("hello.ts")));
    expect(load("plain.js", "module")).toEqual(nodeLoad(url("plain.js")));
    expect(load("node_modules/dep/index.ts", "module")).toEqual(nodeLoad(url("node_modules/dep/index.ts")));
    expect(
      loadStripped(
        () => "",
        () => "module",
      )("node:fs", context, nodeLoad),
    ).toEqual(nodeLoad("node:fs"));
  });
});

describe("loading in a hooks thread", () => {
  const dir = mkdtempSync(join(tmpdir(), "sw-strip-load-async-"));
  writeFileSync(join(dir, "hello.ts"), `export const name: string = "hello";\n`);
  const context: LoadHookContext = { conditions: ["node", "import"], format: undefined, importAttributes: {} };
  const nodeLoad = async (at: string): Promise<LoadFnOutput> => ({ format: "module", source: `// node loaded ${at}` });
  const load = loadStrippedOffThread(
    (path, source) => `// stripped ${path}\n${source}`,
    () => "module",
  );

  test("strips what the importing thread's hook strips, and hands the rest to Node", async () => {
    const hello = `${pathToFileURL(join(dir, "hello.ts")).href}?sw-v=1`;
    expect(await load(hello, context, nodeLoad)).toEqual({
      format: "module",
      source: `// stripped ${join(dir, "hello.ts")}\nexport const name: string = "hello";\n`,
      shortCircuit: true,
    });
    expect(await load("node:fs", context, nodeLoad)).toEqual({ format: "module", source: "// node loaded node:fs" });
  });
});

describe("a module's package type, as Node finds its package scope", () => {
  const dir = mkdtempSync(join(tmpdir(), "sw-package-type-"));
  mkdirSync(join(dir, "deep/er"), { recursive: true });
  mkdirSync(join(dir, "legacy"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", type: "module" }));
  writeFileSync(join(dir, "legacy/package.json"), JSON.stringify({ name: "legacy" }));
  const typeOf = packageTypes();
  const at = (file: string) => pathToFileURL(join(dir, file)).href;

  test("the nearest package.json says, however deep the module", () => {
    expect(typeOf(at("hello.ts"))).toBe("module");
    expect(typeOf(at("deep/er/hello.ts"))).toBe("module");
  });

  test("a nearer package.json that names no type names none, whatever lies above it", () => {
    expect(typeOf(at("legacy/old.ts"))).toBeUndefined();
  });
});

describe("an ES module by its syntax, in oxc-transform's output", () => {
  test("an import or export statement, or import.meta, makes an ES module", () => {
    expect(hasModuleSyntax(`import { workflow } from "stepwright";\n`)).toBe(true);
    expect(hasModuleSyntax(`import "./side-effect.js";\n`)).toBe(true);
    expect(hasModuleSyntax(`import * as names from "./names.js";\n`)).toBe(true);
    expect(hasModuleSyntax(`const x = 1;\nexport { x };\n`)).toBe(true);
    expect(hasModuleSyntax(`export const x = 1;\n`)).toBe(true);
    expect(hasModuleSyntax(`console.log(import.meta.url);\n`)).toBe(true);
  });

  test("a dynamic import, require and the words in a string or an indented line do not", () => {
    expect(hasModuleSyntax(`import("./later.js").then(() => {});\n`)).toBe(false);
    expect(hasModuleSyntax(`const fs = require("node:fs");\nmodule.exports = { fs };\n`)).toBe(false);
    expect(hasModuleSyntax(`const text = "import x from y";\nfunction f() {\n\texport_();\n}\n`)).toBe(false);
  });
});
