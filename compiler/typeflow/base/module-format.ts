import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// No ts-morph here: the native path asks it too.

/**
 * TypeScript's errors that a file is CommonJS where it writes ES module syntax (under
 * `verbatimModuleSyntax`): TS1286, TS1287, TS1295.
 */
const commonJsSyntaxErrors = new Set([1286, 1287, 1295]);

const packageTypes = new Map<string, string | null>();

/** The `type` the nearest package.json names for a file's folder (null where it names none, or there is none). */
function packageType(dir: string): string | null {
  const known = packageTypes.get(dir);
  if (known !== undefined) return known;
  const manifest = join(dir, "package.json");
  let type: string | null;
  if (existsSync(manifest)) {
    try {
      const named = (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type;
      type = typeof named === "string" ? named : null;
    } catch {
      type = null;
    }
  } else type = dirname(dir) === dir ? null : packageType(dirname(dir));
  packageTypes.set(dir, type);
  return type;
}

/**
 * Whether a TypeScript error calls a file CommonJS where Node runs it as an ES module: in a
 * package that names no `type`, Node decides a file's format by its syntax, and a workflow file
 * (it imports "stepwright") is an ES module, as Stepwright loads it. Not an error of the workflow.
 */
export function formatNodeDecides(code: number, file: string): boolean {
  return commonJsSyntaxErrors.has(code) && packageType(dirname(file)) === null;
}
