import type { ResolveFnOutput, ResolveHookSync } from "node:module";
import { versioned } from "./load-hooks.mjs";

/** TypeScript's name for a module (`./x.js`) and the file that holds its source (`./x.ts`). */
const sourceExtensions: Readonly<Record<string, string>> = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

/** The TypeScript file a relative or absolute `.js`, `.mjs` or `.cjs` import names, if it names one. */
export function typeScriptTwin(specifier: string): string | undefined {
  if (!/^(\.{1,2}\/|\/|file:)/.test(specifier)) return undefined;
  const extension = /\.[cm]?js$/.exec(specifier)?.[0];
  return extension ? `${specifier.slice(0, -extension.length)}${sourceExtensions[extension]}` : undefined;
}

/**
 * The resolve hook under Node's type stripping (run in the loading thread, as tsx's hooks are from
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
      const twin = (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" ? typeScriptTwin(specifier) : undefined;
      if (twin === undefined) throw error;
      try {
        result = nextResolve(twin, context);
      } catch {
        throw error;
      }
    }
    return versioned(result, context.parentURL, unversioned);
  };
}
