import { resolve } from "node:path";
import { compile } from "../compile.js";
import { writeOutputs } from "../write.js";
import { reportWrite } from "./report-write.js";
import { type Io, report } from "./io.js";
import { typeCheckerFor } from "./type-checker.js";
import { type CommonOptions, loaderOptions, settingsFor } from "./settings.js";

/** Where `graph` draws when neither --out nor the config says: beside the build, in its own folder. */
export const defaultGraphOut = "diagrams";

/** `stepwright graph`: `<name>.mmd` and `<name>.svg` per workflow. */
export async function graphCommand(files: string[], opts: CommonOptions & { out?: string }, io: Io): Promise<number> {
  const settings = await settingsFor(files, opts, io);
  if (!settings) return 1;
  const { config, ...options } = settings;
  // Diagrams show names, not ARNs: what a check needs is enough.
  const checker = typeCheckerFor(io, options.tsconfig, opts.verbose);
  const result = await compile({ cwd: io.cwd, ...options, checkOnly: true, diagrams: true, checker, ...loaderOptions(config) }).finally(() => checker.close());
  if (report(result.diagnostics, Boolean(opts.json), io)) return 1;
  const out = opts.out ?? config.diagrams ?? defaultGraphOut;
  const drawings = Object.fromEntries(Object.entries(result.files).filter(([name]) => /\.(mmd|svg)$/.test(name)));
  const written = writeOutputs(resolve(io.cwd, out), drawings);
  if (!opts.json) {
    io.err(`drew ${result.workflows.length} workflow(s): ${written.written.length} file(s) in ${out}\n`);
    reportWrite(written, out, io);
  }
  return 0;
}
