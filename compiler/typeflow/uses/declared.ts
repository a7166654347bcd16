import { existsSync, readFileSync } from "node:fs";
import type { StateNode } from "../../../src/ir/state.js";

/**
 * Whether a step's factory call carries its input type (`choice<Order>("Route")`): read from the
 * source text at the call, each file once. Task reads come from `.parameters(...)`, not the
 * factory, so a Task never counts as declared here.
 */
export function typeArgumentsWritten(texts: ReadonlyMap<string, string>): (state: StateNode) => boolean {
  const lines = new Map<string, string[] | undefined>();
  return (state) => {
    if (state.kind === "Task" || state.kind === "Parallel" || !state.source) return false;
    const { file, line, column } = state.source;
    // The workflow files were read already; a step made in a module they import is read here.
    if (!lines.has(file)) lines.set(file, (texts.get(file) ?? (existsSync(file) ? readFileSync(file, "utf8") : undefined))?.split("\n"));
    const text = lines.get(file)?.[line - 1]?.slice(column - 1);
    return text !== undefined && /^[A-Za-z_$][\w$]*\s*</.test(text);
  };
}
