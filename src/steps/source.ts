import type { SourceSpan } from "../ir/source.js";

// No Node.js imports here: the DSL type-checks in projects without @types/node. What Node offers
// is reached through `process.getBuiltinModule` when it is there.

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}
interface SourceMapLike {
  findEntry(line: number, column: number): { originalLine?: number; originalColumn?: number; originalSource?: string } | Record<string, never>;
}
type FindSourceMap = (path: string) => SourceMapLike | undefined;

const findSourceMap = (
  (globalThis as { process?: { getBuiltinModule?: (id: string) => { findSourceMap?: FindSourceMap } | undefined } }).process?.getBuiltinModule?.("node:module")
)?.findSourceMap;

/** A module URL or path as a file path: loaders may add a query (`?tsx-namespace=...`). */
function filePath(url: string): string {
  const bare = url.replace(/\?[^/]*$/, "");
  return bare.startsWith("file://") ? decodeURIComponent(bare.slice("file://".length)) : bare;
}

const framePattern = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/;

/** Frames as the current stack formatter writes them (a test runner's maps its own transforms). */
function formattedFrames(stack: string): (SourceSpan | undefined)[] {
  return stack
    .split("\n")
    .slice(1)
    .map((line) => {
      const match = framePattern.exec(line);
      return match ? { file: filePath(match[1]!), line: Number(match[2]), column: Number(match[3]) } : undefined;
    });
}

/**
 * The stack's frames at their places in the user's source: through the source maps Node holds
 * (modules loaded by tsx), else as the installed stack formatter (a test runner's, which maps its
 * own transforms) would report them. One capture per call: this runs for every step built.
 */
function frames(): SourceSpan[] {
  const errorClass = Error as { stackTraceLimit?: number; prepareStackTrace?: unknown };
  const limit = errorClass.stackTraceLimit;
  const prepare = errorClass.prepareStackTrace;
  errorClass.stackTraceLimit = 16;
  let sites: CallSite[];
  const error = new Error();
  try {
    errorClass.prepareStackTrace = (_: unknown, structured: CallSite[]) => structured;
    sites = error.stack as unknown as CallSite[];
  } finally {
    errorClass.stackTraceLimit = limit;
    errorClass.prepareStackTrace = prepare;
  }
  let formatted: (SourceSpan | undefined)[] | undefined;
  return sites.flatMap((site, i) => {
    const url = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (!url || !line || !column) return [];
    const entry = findSourceMap?.(url)?.findEntry(line - 1, column - 1);
    if (entry && "originalLine" in entry && entry.originalLine !== undefined) {
      return [{ file: filePath(entry.originalSource ?? url), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 }];
    }
    // No map Node knows of: ask the installed formatter about the same call sites, once.
    if (typeof prepare === "function") formatted ??= formattedFrames(String((prepare as (e: Error, s: CallSite[]) => unknown)(error, sites)));
    return [formatted?.[i] ?? { file: filePath(url), line, column }];
  });
}

let stepwrightSrc: string | undefined;

/** The user's call site (first stack frame outside Stepwright's own `src/`), for diagnostics. */
export function callSite(): SourceSpan | undefined {
  const all = frames();
  // The first frame is in this file, in src/steps/: everything under src/ is Stepwright's own.
  stepwrightSrc ??= all[0]?.file.replace(/\/steps\/source\.[cm]?[jt]s$/, "/") ?? "";
  return all.find((f) => !f.file.startsWith(stepwrightSrc!) && !f.file.startsWith("node:") && f.file.includes("/"));
}
