import { fileURLToPath } from "node:url";
import type { SourceSpan } from "../ir/source.ts";

const stepwrightSrc = fileURLToPath(new URL("..", import.meta.url));

/** The user's call site (first stack frame outside Stepwright's own `src/`), for diagnostics. */
export function callSite(): SourceSpan | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 12;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const line of stack.split("\n").slice(1)) {
    const match = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
    if (file.startsWith(stepwrightSrc) || file.startsWith("node:") || !file.includes("/")) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
