import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { LoadFnOutput, LoadHook, LoadHookSync, ResolveFnOutput, ResolveHook, ResolveHookSync } from "node:module";
import { fileURLToPath } from "node:url";
import type { StripTypes } from "./strip-types.js";
import { versioned } from "./load-hooks.mjs";

/** TypeScript's name for a module (`./x.js`) and the file that holds its source (`./x.ts`). */
const sourceExtensions: Readonly<Record<string, string>> = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

/** The TypeScript file a relative or absolute `.js`, `.mjs` or `.cjs` import names, if it names one. */
export function typeScriptTwin(specifier: string): string | undefined {
  if (!/^(\.{1,2}\/|\/|file:)/.test(specifier)) return undefined;
  const extension = /\.[cm]?js$/.exec(specifier)?.[0];
  return extension ? `${specifier.slice(0, -extension.length)}${sourceExtensions[extension]}` : undefined;
}

/** What an import of `specifier` resolves to when Node found nothing (`error`): its TypeScript twin; else that error. */
function twinAfter(error: unknown, specifier: string): string {
  const twin = (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" ? typeScriptTwin(specifier) : undefined;
  if (twin === undefined) throw error;
  return twin;
}

/**
 * The resolve hook under type stripping (run in the loading thread, as tsx's hooks are from
 * Node 22.22.3 and 24.11.1 on): an import of `./x.js` finds `./x.ts` when no `./x.js` exists, as
 * under tsx and TypeScript's NodeNext; and every module gets its importer's version from the first
 * build on, so a module that had to be loaded again through tsx is evaluated afresh.
 */
export function resolveStripped(unversioned: readonly string[]): ResolveHookSync {
  return (specifier, context, nextResolve) => {
    let result: ResolveFnOutput;
    try {
      result = nextResolve(specifier, context);
    } catch (error) {
      try {
        result = nextResolve(twinAfter(error, specifier), context);
      } catch {
        throw error;
      }
    }
    return versioned(result, context.parentURL, unversioned);
  };
}

/** The same resolve hook in a hooks thread (strip-hooks-thread.mjs), where the next hook answers in a promise. */
export function resolveStrippedOffThread(unversioned: readonly string[]): ResolveHook {
  return async (specifier, context, nextResolve) => {
    let result: ResolveFnOutput;
    try {
      result = await nextResolve(specifier, context);
    } catch (error) {
      try {
        result = await nextResolve(twinAfter(error, specifier), context);
      } catch {
        throw error;
      }
    }
    return versioned(result, context.parentURL, unversioned);
  };
}

/** A file URL without its query (a build's version) or fragment. */
const fileOf = (url: string): string | undefined => /^file:[^?#]*/.exec(url)?.[0];

/**
 * How a user's module is taken: `.mts`, and `.ts` in an ES module package scope, as ES modules; `.ts`
 * in a package that names no `type`, by what it holds (as Node decides); the rest is left to Node.
 */
function moduleKind(url: string, packageType: (url: string) => string | undefined): "module" | "detect" | undefined {
  const file = fileOf(url);
  if (file === undefined || file.includes("/node_modules/")) return undefined;
  if (file.endsWith(".mts")) return "module";
  if (!file.endsWith(".ts")) return undefined;
  const type = packageType(file);
  return type === "module" ? "module" : type === undefined ? "detect" : undefined;
}

/**
 * Whether stripped code is an ES module by its syntax: an import or export statement, or
 * import.meta. oxc-transform prints every top-level statement at the start of a line.
 */
export function hasModuleSyntax(code: string): boolean {
  return /^(?:import[\s{*"']|export[\s{*])/m.test(code) || /\bimport\.meta\b/.test(code);
}

/**
 * The `type` of the package.json nearest a module, as Node finds a module's package scope (nothing
 * where it names none, or there is none); each folder looked at once. (Node's findPackageJSON does
 * this from 22.14 on.)
 */
export function packageTypes(): (url: string) => string | undefined {
  const types = new Map<string, { type?: string }>();
  const scopeOf = (dir: string): { type?: string } => {
    if (!types.has(dir)) {
      const manifest = join(dir, "package.json");
      const parent = dirname(dir);
      if (existsSync(manifest)) types.set(dir, JSON.parse(readFileSync(manifest, "utf8")) as { type?: string });
      else types.set(dir, parent === dir ? {} : scopeOf(parent));
    }
    return types.get(dir)!;
  };
  return (url) => {
    const { type } = scopeOf(dirname(fileURLToPath(url)));
    return typeof type === "string" ? type : undefined;
  };
}

/** A user's ES module with its types stripped; nothing for what Node loads itself (see loadStripped). */
export function strippedModule(url: string, strip: StripTypes, packageType: (url: string) => string | undefined): LoadFnOutput | undefined {
  const kind = moduleKind(url, packageType);
  if (kind === undefined) return undefined;
  const path = fileURLToPath(fileOf(url)!);
  const source = strip(path, readFileSync(path, "utf8"));
  return kind === "module" || hasModuleSyntax(source) ? { format: "module", source, shortCircuit: true } : undefined;
}

/**
 * The load hook under a stripper of Stepwright's own (strip-types.ts): the user's ES modules, with
 * their types removed by it, whatever this Node can do. CommonJS TypeScript, modules in
 * node_modules and everything else load as Node loads them (by its own type stripping where it
 * has it); where it cannot, the module fails to load and goes to tsx.
 */
export function loadStripped(strip: StripTypes, packageType = packageTypes()): LoadHookSync {
  return (url, context, nextLoad) => strippedModule(url, strip, packageType) ?? nextLoad(url, context);
}

/** The same load hook in a hooks thread (strip-hooks-thread.mjs). */
export function loadStrippedOffThread(strip: StripTypes, packageType = packageTypes()): LoadHook {
  return async (url, context, nextLoad) => strippedModule(url, strip, packageType) ?? nextLoad(url, context);
}
