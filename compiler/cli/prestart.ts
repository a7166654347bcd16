/**
 * What a compiling command starts before anything else loads: the native type checker (its own
 * process) and the thread that evaluates the workflow modules. The bin calls it before it loads
 * the CLI, so both start while the CLI's own modules load; `main` calls it again (once is enough).
 */
import { prestartTypeChecker } from "../typeflow/checker.js";
import { prestartModuleLoader } from "../load/module-loader.js";
import { tsconfigFor } from "../typeflow/find-tsconfig.js";
import { compiling, namedFiles, tsconfigFlag } from "./start-server.js";

/** Starts them for a compiling command (check, build, graph, cost, run of a TypeScript file); nothing for the others. Whether it did. */
export function prestart(argv: readonly string[], cwd: string): boolean {
  if (!compiling(argv)) return false;
  // Found once, for both: the command line's, or the nearest.
  const tsconfig = tsconfigFor(cwd, tsconfigFlag(argv));
  prestartTypeChecker(cwd, tsconfig, namedFiles(argv));
  prestartModuleLoader(tsconfig);
  return true;
}
