/**
 * What a compiling command starts before anything else loads: the native type checker (its own
 * process) and the thread that evaluates the workflow modules. The bin calls it before it loads
 * the CLI, so both start while the CLI's own modules load; `main` calls it again (once is enough).
 */
import { prestartTypeChecker } from "../typeflow/checker.js";
import { prestartModuleLoader } from "../module-loader.js";

const compiling = new Set(["check", "build", "graph", "cost"]);

/** The files named on a compiling command line, so the type checker can start on them at once. */
function namedFiles(argv: readonly string[]): string[] {
  const valued = new Set(["--out", "--region", "--account", "--tsconfig", "--config", "--terraform-definition"]);
  return argv.slice(1).filter((arg, i) => !arg.startsWith("-") && !valued.has(argv[i] ?? ""));
}

/** The --tsconfig on the command line, so the type checker can start before the arguments are parsed. */
function tsconfigFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf("--tsconfig");
  return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--tsconfig="))?.slice("--tsconfig=".length);
}

/** Starts them for a compiling command (check, build, graph, cost); nothing for the others. Whether it did. */
export function prestart(argv: readonly string[], cwd: string): boolean {
  if (!compiling.has(argv[0] ?? "")) return false;
  prestartTypeChecker(cwd, tsconfigFlag(argv), namedFiles(argv));
  prestartModuleLoader();
  return true;
}
