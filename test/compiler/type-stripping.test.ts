/**
 * When type stripping (oxc-transform's, or Node's own) may load a project's workflow modules
 * instead of tsx: only when the project's tsconfig (with everything it extends) makes TypeScript
 * reject what stripping would run differently, on a Node whose module hooks run in the importing
 * thread, unless the user turned it off.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { strippingFailed, typeStrippingFor, whyNotStripped } from "../../compiler/load/type-stripping.ts";

/** The settings `stepwright init` writes that type stripping relies on. */
const strippable = {
  module: "NodeNext",
  moduleResolution: "NodeNext",
  target: "ES2023",
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
};

/** A folder holding the given files (objects are written as JSON); the path of its tsconfig.json. */
function projectWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "sw-strip-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return join(dir, "tsconfig.json");
}

const withOptions = (compilerOptions: Record<string, unknown>) => typeStrippingFor(projectWith({ "tsconfig.json": { compilerOptions } }));

describe("a tsconfig that allows type stripping", () => {
  test("the settings `stepwright init` writes", () => {
    expect(withOptions(strippable)).toEqual({ strip: true });
  });

  test("with comments and trailing commas, as TypeScript reads it", () => {
    const tsconfig = projectWith({
      "tsconfig.json": `{\n  // the project\n  "compilerOptions": ${JSON.stringify(strippable).replace(/}$/, ",}")},\n}`,
    });
    expect(typeStrippingFor(tsconfig)).toEqual({ strip: true });
  });

  test("module NodeNext (or Node16, 18, 20) implies its resolution; no target means the newest", () => {
    const { moduleResolution: _, target: __, ...rest } = strippable;
    for (const module of ["NodeNext", "node16", "Node18", "node20"]) expect(withOptions({ ...rest, module })).toEqual({ strip: true });
  });

  test("class fields defined: an ES2022 or later target, or useDefineForClassFields", () => {
    expect(withOptions({ ...strippable, target: "ES2022" })).toEqual({ strip: true });
    expect(withOptions({ ...strippable, target: "ESNext" })).toEqual({ strip: true });
    expect(withOptions({ ...strippable, target: "ES2020", useDefineForClassFields: true })).toEqual({ strip: true });
  });
});

describe("a tsconfig that keeps tsx, and says why", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["without verbatimModuleSyntax", { verbatimModuleSyntax: false }, "does not set verbatimModuleSyntax"],
    ["without erasableSyntaxOnly", { erasableSyntaxOnly: undefined }, "does not set erasableSyntaxOnly"],
    [
      "Bundler resolution (imports without extensions)",
      { module: "ESNext", moduleResolution: "Bundler" },
      "resolves modules otherwise than Node16 or NodeNext",
    ],
    [
      "no resolution and a module that implies none of Node's",
      { module: "ESNext", moduleResolution: undefined },
      "resolves modules otherwise than Node16 or NodeNext",
    ],
    ["paths", { paths: { "@lib/*": ["./lib/*"] } }, "maps imports with paths or baseUrl"],
    ["baseUrl", { baseUrl: "." }, "maps imports with paths or baseUrl"],
    ["jsx", { jsx: "react-jsx" }, "sets jsx"],
    ["experimentalDecorators", { experimentalDecorators: true }, "sets experimentalDecorators"],
    ["useDefineForClassFields false", { useDefineForClassFields: false }, "assigns class fields instead of defining them"],
    ["a target below ES2022", { target: "ES2021" }, "assigns class fields instead of defining them"],
  ];
  test.each(cases)("%s", (_, change, why) => {
    const tsconfig = projectWith({ "tsconfig.json": { compilerOptions: { ...strippable, ...change } } });
    expect(typeStrippingFor(tsconfig)).toEqual({ strip: false, why: expect.stringContaining(`${tsconfig} ${why}`) });
  });

  test("no tsconfig at all", () => {
    expect(typeStrippingFor(undefined)).toEqual({ strip: false, why: "no tsconfig.json was found" });
  });

  test("one that is not JSON", () => {
    expect(typeStrippingFor(projectWith({ "tsconfig.json": "{ compilerOptions: " }))).toEqual({
      strip: false,
      why: expect.stringMatching(/^its tsconfig could not be read \(.*is not valid JSON\)$/),
    });
  });
});

describe("what a tsconfig extends counts beneath its own settings", () => {
  test("a relative base, with or without .json, and the project's own settings over it", () => {
    expect(typeStrippingFor(projectWith({ "base.json": { compilerOptions: strippable }, "tsconfig.json": { extends: "./base" } }))).toEqual(
      { strip: true },
    );
    const own = projectWith({
      "base.json": { compilerOptions: strippable },
      "tsconfig.json": { extends: "./base.json", compilerOptions: { erasableSyntaxOnly: false } },
    });
    expect(typeStrippingFor(own)).toMatchObject({ strip: false, why: expect.stringContaining("erasableSyntaxOnly") });
  });

  test("a base from a package in node_modules (its tsconfig.json, or a file named in it)", () => {
    const pkg = {
      "node_modules/@acme/tsconfig/package.json": { name: "@acme/tsconfig" },
      "node_modules/@acme/tsconfig/tsconfig.json": { compilerOptions: strippable },
    };
    expect(typeStrippingFor(projectWith({ ...pkg, "tsconfig.json": { extends: "@acme/tsconfig" } }))).toEqual({ strip: true });
    expect(typeStrippingFor(projectWith({ ...pkg, "tsconfig.json": { extends: "@acme/tsconfig/tsconfig.json" } }))).toEqual({
      strip: true,
    });
  });

  test("several bases: a later one over an earlier one", () => {
    const files = {
      "a.json": { compilerOptions: { ...strippable, verbatimModuleSyntax: false } },
      "b.json": { compilerOptions: { verbatimModuleSyntax: true } },
    };
    expect(typeStrippingFor(projectWith({ ...files, "tsconfig.json": { extends: ["./a.json", "./b.json"] } }))).toEqual({ strip: true });
    expect(typeStrippingFor(projectWith({ ...files, "tsconfig.json": { extends: ["./b.json", "./a.json"] } }))).toMatchObject({
      strip: false,
    });
  });

  test("a base that cannot be found, or that extends itself, keeps tsx", () => {
    expect(typeStrippingFor(projectWith({ "tsconfig.json": { extends: "@acme/missing" } }))).toEqual({
      strip: false,
      why: expect.stringContaining("extends @acme/missing, which cannot be found"),
    });
    expect(typeStrippingFor(projectWith({ "tsconfig.json": { extends: "./tsconfig.json" } }))).toEqual({
      strip: false,
      why: expect.stringContaining("extends itself"),
    });
  });
});

describe("whether this process may strip types", () => {
  const allowed = projectWith({ "tsconfig.json": { compilerOptions: strippable } });

  test("STEPWRIGHT_TYPE_STRIPPING=off keeps tsx whatever the project", () => {
    expect(whyNotStripped(allowed, { STEPWRIGHT_TYPE_STRIPPING: "off" })).toBe("STEPWRIGHT_TYPE_STRIPPING=off");
  });

  test("otherwise the tsconfig decides, on every Node (before 22.15 by require or through a hooks thread)", () => {
    expect(whyNotStripped(allowed, {})).toBeUndefined();
    expect(whyNotStripped(undefined, {})).toBe("no tsconfig.json was found");
  });
});

describe("a failure that moves loading to tsx", () => {
  test("the module system's: syntax Node does not run, an import it cannot resolve or link", () => {
    expect(strippingFailed(new SyntaxError("TypeScript enum is not supported in strip-only mode"))).toBe(true);
    expect(strippingFailed(Object.assign(new Error("Cannot find module"), { code: "ERR_MODULE_NOT_FOUND" }))).toBe(true);
    expect(strippingFailed(Object.assign(new Error("x"), { code: "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" }))).toBe(true);
  });

  test("not what the user's code throws as it runs", () => {
    expect(strippingFailed(new Error("no table name"))).toBe(false);
    expect(strippingFailed(new TypeError("x is not a function"))).toBe(false);
    expect(strippingFailed(Object.assign(new Error("ENOENT"), { code: "ENOENT" }))).toBe(false);
    expect(strippingFailed("a string")).toBe(false);
    expect(strippingFailed(null)).toBe(false);
  });
});
