import type { SourceSpan } from "../ir/source.ts";

// No Node.js imports here: the DSL type-checks in projects without @types/node.
const framePattern = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/;

function framesOf(stack: string): SourceSpan[] {
  const frames: SourceSpan[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const match = framePattern.exec(line);
    if (!match) continue;
    // Loaders may add a query (`?tsx-namespace=...`) to module URLs; the file is what precedes it.
    const url = match[1]!.replace(/\?[^/]*$/, "");
    const file = url.startsWith("file://") ? decodeURIComponent(url.slice("file://".length)) : url;
    frames.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return frames;
}

function stack(): string {
  const errorClass = Error as { stackTraceLimit?: number; prepareStackTrace?: unknown };
  const limit = errorClass.stackTraceLimit;
  // A test runner's own stack formatter would hide the runtime's source-mapped positions.
  const prepare = errorClass.prepareStackTrace;
  errorClass.stackTraceLimit = 16;
  errorClass.prepareStackTrace = undefined;
  const text = new Error().stack ?? "";
  errorClass.stackTraceLimit = limit;
  errorClass.prepareStackTrace = prepare;
  return text;
}

let stepwrightSrc: string | undefined;

/** The user's call site (first stack frame outside Stepwright's own `src/`), for diagnostics. */
export function callSite(): SourceSpan | undefined {
  const frames = framesOf(stack());
  // The first frame is this function, in src/steps/: everything under src/ is Stepwright's own.
  stepwrightSrc ??= frames[0]?.file.replace(/\/steps\/source\.ts$/, "/") ?? "";
  return frames.find((f) => !f.file.startsWith(stepwrightSrc!) && !f.file.startsWith("node:") && f.file.includes("/"));
}
