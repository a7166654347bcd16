import { compile } from "../compile.js";
import { type Io, report } from "./io.js";
import { typeCheckerFor } from "./type-checker.js";
import { type CommonOptions, loaderOptions, settingsFor } from "./settings.js";

/** `stepwright check`: type flow and every rule; writes nothing, so needs no region or account. */
export async function checkCommand(files: string[], opts: CommonOptions, io: Io): Promise<number> {
  const settings = await settingsFor(files, opts, io);
  if (!settings) return 1;
  const { config, ...options } = settings;
  const checker = typeCheckerFor(io, options.tsconfig, opts.verbose);
  const result = await compile({ cwd: io.cwd, ...options, checkOnly: true, checker, ...loaderOptions(config) }).finally(() => checker.close());
  if (report(result.diagnostics, Boolean(opts.json), io)) return 1;
  if (!opts.json) io.err(`${result.workflows.length} workflow(s) checked, no errors\n`);
  return 0;
}
