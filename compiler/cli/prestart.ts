/**
 * What a compiling command starts before anything else loads: the native type checker (its own
 * process) and the thread that evaluates the workflow modules. The bin calls it before it loads
 * the CLI, so both start while the CLI's own modules load; `main` calls it again (once is enough).
 */
import { prestartTypeChecker } from "../typeflow/checker.js";
import { prestartModuleLoader } from "../load/module-loader.js";
import { tsconfigFor } from "../typeflow/find-tsconfig.js";

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

/**
 * The Go runtime's settings for the native checker of one compile (its process inherits them).
 * With Go's defaults it collects garbage from a 4 MB heap on, for a check that allocates some
 * 100 MB and ends a moment later: `tsc --noEmit` of a 200-step workflow took 0.67x the CPU with
 * `GOGC=off` on this project's machine, its peak memory the same. So: off, with a ceiling where
 * collecting starts again. A watch session's checker lives on and keeps Go's defaults; so does
 * a setting of the user's own.
 */
export function oneCompileGoRuntime(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  if (argv.includes("--watch") || env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return;
  env.GOGC = "off";
  env.GOMEMLIMIT = "1GiB";
}

/** Starts them for a compiling command (check, build, graph, cost); nothing for the others. Whether it did. */
export function prestart(argv: readonly string[], cwd: string): boolean {
  if (!compiling.has(argv[0] ?? "")) return false;
  oneCompileGoRuntime(argv);
  // Found once, for both: the command line's, or the nearest.
  const tsconfig = tsconfigFor(cwd, tsconfigFlag(argv));
  prestartTypeChecker(cwd, tsconfig, namedFiles(argv));
  prestartModuleLoader(tsconfig);
  return true;
}
