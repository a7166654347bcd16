import { dirname } from "node:path";
import { nearestPackageJson } from "../../base/package-json.js";

// No ts-morph here: the native path asks it too.

/**
 * TypeScript's errors that a file is CommonJS where it writes ES module syntax (under
 * `verbatimModuleSyntax`): TS1286, TS1287, TS1295.
 */
const commonJsSyntaxErrors = new Set([1286, 1287, 1295]);

/**
 * Whether a TypeScript error calls a file CommonJS where Node runs it as an ES module: in a
 * package that names no `type`, Node decides a file's format by its syntax, and a workflow file
 * (it imports "stepwright") is an ES module, as Stepwright loads it. Not an error of the workflow.
 * (The package.json is read only for these three errors.)
 */
export function formatNodeDecides(code: number, file: string): boolean {
  return commonJsSyntaxErrors.has(code) && typeof nearestPackageJson(dirname(file))?.type !== "string";
}
