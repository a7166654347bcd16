/**
 * What the bin runs first of all, before the CLI's own modules load: for a compiling command, the
 * Go runtime's settings of the native checker and, where it pays, its server, started at once
 * (typeflow/native-server.ts). A module of its own, and small: the server waits for it to load.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { tsconfigFor } from "../typeflow/find-tsconfig.js";
import { startServerEarly } from "../typeflow/native-server.js";

/** The options that take a value, by command (cli/index.ts; a test holds the two together). */
const common = ["--region", "--account", "--tsconfig", "--config"];
const valuedOptions: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["check", new Set(common)],
  ["build", new Set([...common, "--out", "--types", "--terraform-definition"])],
  ["graph", new Set([...common, "--out"])],
  ["cost", new Set([...common, "--assume"])],
  ["run", new Set(["--region", "--account", "--workflow", "--input", "--mock", "--object", "--results", "--diagram"])],
]);

/** The files named on a command line, so the type checker can start on them at once. */
export function namedFiles(argv: readonly string[]): string[] {
  const valued = valuedOptions.get(argv[0] ?? "") ?? new Set();
  return argv.slice(1).filter((arg, i) => !arg.startsWith("-") && !valued.has(argv[i] ?? ""));
}

/**
 * Whether the command line compiles workflows written in TypeScript: check, build, graph and
 * cost, and run with a TypeScript file (one of ASL, `.json`, it reads as it is).
 */
export function compiling(argv: readonly string[]): boolean {
  const command = argv[0] ?? "";
  if (command === "run") return namedFiles(argv).some((file) => !/\.json$/i.test(file));
  return valuedOptions.has(command);
}

/** The --tsconfig on the command line, so the type checker can start before the arguments are parsed. */
export function tsconfigFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf("--tsconfig");
  return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--tsconfig="))?.slice("--tsconfig=".length);
}

/**
 * The Go runtime's settings for the native checker of one compile, given to its process alone
 * (the user's modules, loaded in this process, and what they start keep the environment they
 * were given). With Go's defaults it collects garbage from a 4 MB heap on, for a check that
 * allocates some 100 MB and ends a moment later: `tsc --noEmit` of a 200-step workflow took 0.67x
 * the CPU with `GOGC=off` on this project's machine, its peak memory the same. So: off, with a
 * ceiling where collecting starts again. A watch session's checker lives on and keeps Go's
 * defaults; so does a setting of the user's own.
 */
export function oneCompileGoRuntime(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Readonly<Record<string, string>> {
  if (argv.includes("--watch") || env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return {};
  return { GOGC: "off", GOMEMLIMIT: "1GiB" };
}

/**
 * Whether the native checker's server starts before TypeScript's API client has loaded
 * (native-server.ts): for one compile (a watch session's checker lives on, and would keep the
 * early snapshot with it). The checker is what a build waits for: on this project's two-core
 * machine an early start took a build to 0.93-0.97x the time at 10 and 200 steps (Node 22.23), and
 * with the loading thread's module by require before Node 22.15 (load/require-stripped.ts) to
 * 0.89-0.94x (Node 22.12), where with a hooks thread to start beside it, it had taken 1.04x.
 */
export function startsServerEarly(argv: readonly string[]): boolean {
  return compiling(argv) && !argv.includes("--watch");
}

/**
 * For a compiling command: the native checker's Go runtime settings, and its server where it starts
 * early. Settles once the server's process is started (the bin loads the CLI after that: while the
 * CLI's modules load, nothing else in this thread would get a turn to start it).
 */
export async function startServer(argv: readonly string[], cwd: string): Promise<void> {
  if (!compiling(argv)) return;
  const tsconfig = tsconfigFor(cwd, tsconfigFlag(argv));
  if (!tsconfig || !startsServerEarly(argv)) return;
  const files = namedFiles(argv)
    .map((f) => resolve(cwd, f))
    .filter((f) => existsSync(f));
  await startServerEarly(cwd, tsconfig, files, oneCompileGoRuntime(argv));
}
