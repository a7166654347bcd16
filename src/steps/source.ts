import type { SourceSpan } from "../ir/source.js";

// No Node.js imports here: the DSL type-checks in projects without @types/node. What Node offers
// is reached through `process.getBuiltinModule` when it is there.

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}
interface SourceMapLike {
  findEntry(
    line: number,
    column: number,
  ): { originalLine?: number; originalColumn?: number; originalSource?: string } | Record<string, never>;
}
type FindSourceMap = (path: string) => SourceMapLike | undefined;

const findSourceMap = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => { findSourceMap?: FindSourceMap } | undefined } }
).process?.getBuiltinModule?.("node:module")?.findSourceMap;

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

/** The stack's call sites, structured (no text formatted); and the installed formatter, which may map them. */
function capture(): { error: Error; sites: CallSite[]; prepare: unknown } {
  const errorClass = Error as { stackTraceLimit?: number; prepareStackTrace?: unknown };
  const limit = errorClass.stackTraceLimit;
  const prepare = errorClass.prepareStackTrace;
  errorClass.stackTraceLimit = 16;
  const error = new Error();
  try {
    errorClass.prepareStackTrace = (_: unknown, structured: CallSite[]) => structured;
    return { error, sites: error.stack as unknown as CallSite[], prepare };
  } finally {
    errorClass.stackTraceLimit = limit;
    errorClass.prepareStackTrace = prepare;
  }
}

let stepwrightSrc: string | undefined;

/**
 * The user's call site (the first stack frame outside Stepwright's own `src/`), for diagnostics,
 * at its place in the user's source: through the source map Node holds (modules loaded by tsx),
 * else as the installed stack formatter (a test runner's, which maps its own transforms) reports
 * it. This runs for every step built, so only that one frame is mapped: formatting the whole stack
 * (every frame through its source map) cost more than building the step.
 */
export function callSite(): SourceSpan | undefined {
  const { error, sites, prepare } = capture();
  // The first frame is in this file: in src/steps/, or in the published DSL's one bundled file in
  // src/. Everything under src/ is Stepwright's own.
  stepwrightSrc ??= filePath(sites[0]?.getFileName() ?? "").replace(/(\/steps\/source|\/index)\.[cm]?[jt]s$/, "/");
  const at = sites.findIndex((site) => {
    const file = filePath(site.getFileName() ?? "");
    return (
      site.getLineNumber() && site.getColumnNumber() && !file.startsWith(stepwrightSrc!) && !file.startsWith("node:") && file.includes("/")
    );
  });
  const site = sites[at];
  const url = site?.getFileName();
  const line = site?.getLineNumber();
  const column = site?.getColumnNumber();
  if (!url || !line || !column) return undefined;
  const entry = findSourceMap?.(url)?.findEntry(line - 1, column - 1);
  if (entry && "originalLine" in entry && entry.originalLine !== undefined) {
    return { file: filePath(entry.originalSource ?? url), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  }
  // No map Node knows of: ask the installed formatter about the same call sites.
  const formatted =
    typeof prepare === "function"
      ? formattedFrames(String((prepare as (e: Error, s: CallSite[]) => unknown)(error, sites)))[at]
      : undefined;
  return formatted ?? { file: filePath(url), line, column };
}
