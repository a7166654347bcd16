/**
 * The resolve hook under Node's type stripping: TypeScript's `./x.js` finds `./x.ts` where no
 * `./x.js` exists (as tsx and NodeNext resolve it), and each user module carries its importer's
 * build version, so every build evaluates the user's modules afresh. (Whole builds through it run
 * on Node 22.23 and 24.21 in test/package/consumer.test.ts: this suite's Node has no type stripping.)
 */
import type { ResolveFnOutput, ResolveHookContext } from "node:module";
import { describe, expect, test } from "vitest";
import { resolveStripped, typeScriptTwin } from "../../compiler/strip-hooks.ts";

const own = "file:///pkg/node_modules/stepwright/dist/src/";

/** A default resolver that knows only these files, and fails as Node's does for any other. */
function nodeResolving(existing: readonly string[]) {
  return (specifier: string, context?: Partial<ResolveHookContext>): ResolveFnOutput => {
    const url = specifier.startsWith("file:") ? specifier : new URL(specifier, context?.parentURL).href;
    if (!existing.includes(url)) throw Object.assign(new Error(`Cannot find module '${url}'`), { code: "ERR_MODULE_NOT_FOUND" });
    return { url, format: "module" };
  };
}

function resolveFrom(parentURL: string, specifier: string, existing: readonly string[]): string {
  const context: ResolveHookContext = { parentURL, conditions: ["node", "import"], importAttributes: {} };
  return resolveStripped([own])(specifier, context, nodeResolving(existing)).url;
}

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

describe("resolving under type stripping", () => {
  const parent = "file:///app/workflows/hello.ts?sw-v=3";

  test("./x.js finds x.ts when there is no x.js, at the importer's version", () => {
    expect(resolveFrom(parent, "./names.js", ["file:///app/workflows/names.ts"])).toBe("file:///app/workflows/names.ts?sw-v=3");
  });

  test("an x.js that exists is x.js", () => {
    expect(resolveFrom(parent, "./names.js", ["file:///app/workflows/names.js", "file:///app/workflows/names.ts"])).toBe("file:///app/workflows/names.js?sw-v=3");
  });

  test("neither: Node's own error for what was written, not for the twin", () => {
    expect(() => resolveFrom(parent, "./gone.js", [])).toThrow("Cannot find module 'file:///app/workflows/gone.js'");
  });

  test("Stepwright's own modules, node_modules and a first load without a version stay as they are", () => {
    expect(resolveFrom(parent, `${own}index.js`, [`${own}index.js`])).toBe(`${own}index.js`);
    expect(resolveFrom(parent, "file:///app/node_modules/zod/index.js", ["file:///app/node_modules/zod/index.js"])).toBe("file:///app/node_modules/zod/index.js");
    expect(resolveFrom("file:///app/workflows/hello.ts", "./names.js", ["file:///app/workflows/names.ts"])).toBe("file:///app/workflows/names.ts");
  });
});
