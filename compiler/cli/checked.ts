import type { StepwrightConfig } from "../../src/config.js";
import { compile, type CompileOptions, type CompileResult } from "../compile.js";
import { type Io, report } from "./io.js";
import { moduleLoaderFor } from "./module-loader.js";
import { type CommonOptions, settingsFor } from "./settings.js";
import { typeCheckerFor } from "./type-checker.js";

/**
 * What `check`, `graph` and `cost` share: the config and flags merged, a compile that writes
 * nothing and needs no region or account, and its diagnostics reported. Undefined when there
 * were errors (reported already): the command exits 1.
 */
export async function checkedCompile(
  files: string[],
  opts: CommonOptions,
  io: Io,
  extra: Pick<CompileOptions, "diagrams"> = {},
): Promise<{ result: CompileResult; config: StepwrightConfig } | undefined> {
  const settings = await settingsFor(files, opts, io);
  if (!settings) return undefined;
  const { config, ...options } = settings;
  const checker = typeCheckerFor(io, options.tsconfig, opts.verbose);
  const loader = moduleLoaderFor(io, config, opts.verbose);
  // What it drew is used only when there is no error.
  const result = await compile({ cwd: io.cwd, ...options, ...extra, checkOnly: true, outputsOnlyWhenClean: true, checker, loader }).finally(
    () => Promise.all([checker.close(), loader.close()]),
  );
  return report(result.diagnostics, Boolean(opts.json), io) ? undefined : { result, config };
}
