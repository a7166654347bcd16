import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { codePointOrder } from "../base/order.js";

/** Whether a file argument is a glob pattern rather than a name. */
const isPattern = (arg: string) => /[*?[\]{}]/.test(arg);

/**
 * File arguments as a shell would give them: a quoted glob (`'workflows/**\/*.ts'`, as npm scripts
 * write it on every platform) expanded, as prettier, eslint and tsc expand theirs, in code point
 * order; a name, or a pattern that matches nothing, left as written (a missing file is a diagnostic
 * naming it). A pattern starting with `!` leaves out what it matches (`"!workflows/**\/*.test.ts"`).
 */
export async function expandGlobs(args: readonly string[], cwd: string): Promise<string[]> {
  // Loaded only for a command given a pattern: every build and check starts without it.
  if (!args.some(isPattern)) return [...args];
  const { globSync } = await import("tinyglobby");
  const ignore = args.filter((arg) => arg.startsWith("!")).map((arg) => arg.slice(1));
  return args
    .filter((arg) => !arg.startsWith("!"))
    .flatMap((arg) => {
      // A file whose name holds a bracket or a star is that file.
      if (!isPattern(arg) || existsSync(resolve(cwd, arg))) return [arg];
      const found = globSync(arg, { cwd, onlyFiles: true, expandDirectories: false, ignore }).sort(codePointOrder);
      return found.length > 0 ? found : [arg];
    });
}
