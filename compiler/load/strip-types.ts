import { createRequire } from "node:module";
import { errorLine } from "../base/diagnostic.js";

/**
 * What removes the types from a user's TypeScript module in the loading thread: oxc-transform, a
 * native binary that loads in some 5 ms and strips a 200-step workflow in 1 ms, where Node's own
 * type stripping first compiles its WebAssembly (some 45 ms of a 0.3 s build, measured with
 * bench/.generated/build-n200 on Node 24.21). Its output is laid out anew, so every module carries
 * a source map, through which stack traces (and so step positions) point into the user's file; and
 * its first statement says that it has begun to run (moduleStarted).
 */
export type StripTypes = (path: string, source: string) => string;

/** oxc-transform's TypeScript options: erase the types and nothing else that the project's tsconfig lets TypeScript accept. */
const erasing = { lang: "ts", sourceType: "module", sourcemap: true, typescript: { onlyRemoveTypeImports: true } } as const;

/** oxc-transform's stripper, or why it cannot load (no binary for this platform, ...). */
export function oxcStripper(): StripTypes | { readonly unavailable: string } {
  let oxc: typeof import("oxc-transform");
  try {
    // Required, not imported: a binary missing for this platform is a fallback, not a failed import of this module.
    oxc = createRequire(import.meta.url)("oxc-transform") as typeof import("oxc-transform");
  } catch (error) {
    return { unavailable: errorLine(error) };
  }
  return stripperOf(oxc);
}

/** What a stripped module's first statement sets: that code of the user's has begun to run. */
const startedKey = Symbol.for("stepwright.moduleStarted");
const startedStatement = `globalThis[Symbol.for("stepwright.moduleStarted")] = true;`;
const global = globalThis as Record<symbol, unknown>;

/**
 * Whether a module stripped here (any of the user's modules loaded since `resetModuleStarted`) has
 * begun to run: a load that failed before that may be tried again another way, one that failed
 * after must not be (its code would run twice).
 */
export function moduleStarted(): boolean {
  return global[startedKey] === true;
}

export function resetModuleStarted(): void {
  delete global[startedKey];
}

/**
 * The stripped code with `startedStatement` first: on a line of its own before it (the source map's
 * lines move down one), or in place of a hashbang line, which must stay first and maps to nothing.
 */
function withStartedStatement(code: string, mappings: string): { code: string; mappings: string } {
  if (code.startsWith("#!")) {
    const end = code.indexOf("\n");
    return { code: `${startedStatement}${end < 0 ? "" : code.slice(end)}`, mappings };
  }
  return { code: `${startedStatement}\n${code}`, mappings: `;${mappings}` };
}

/** The stripper made of oxc-transform's module, however it was loaded. */
export function stripperOf({ transformSync }: typeof import("oxc-transform")): StripTypes {
  return (path, source) => {
    const result = transformSync(path, source, erasing);
    const error = result.errors.find((e) => String(e.severity) === "Error");
    // A SyntaxError, as Node's own stripping throws: the module then loads through tsx, which says what is wrong as it always has.
    if (error) throw new SyntaxError(`${path}: ${error.message}`);
    const { code, mappings } = withStartedStatement(result.code, result.map?.mappings ?? "");
    const map = Buffer.from(JSON.stringify({ ...result.map, mappings })).toString("base64");
    return `${code}\n//# sourceMappingURL=data:application/json;base64,${map}\n`;
  };
}
