import { statSync } from "node:fs";
import { resolve } from "node:path";
import { compile, type CompileOptions, type CompileResult } from "../compile.js";
import type { DefinitionMode } from "../emit/terraform/index.js";
import { moduleLoaderFor } from "./module-loader.js";
import { writeOutputs } from "../write.js";
import { reportWrite } from "./report-write.js";
import { type Io, report, UsageError } from "./io.js";
import { type CommonOptions, settingsFor } from "./settings.js";
import { typeCheckerFor } from "./type-checker.js";

export interface BuildOptions extends CommonOptions {
  out?: string;
  watch?: boolean;
  diagram?: boolean;
  terraformDefinition?: DefinitionMode;
  types?: string;
}

/** `stepwright build`: check, then write each workflow's ASL and Terraform into --out; `--watch` keeps going. */
export async function buildCommand(files: string[], opts: BuildOptions, io: Io): Promise<number> {
  const settings = await settingsFor(files, opts, io);
  if (!settings) return 1;
  const { config, ...rest } = settings;
  const out = opts.out ?? config.out;
  if (!out) throw new UsageError("build needs --out <dir> (or out in stepwright.config.ts)");
  if (statSync(resolve(io.cwd, out), { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(`--out ${resolve(io.cwd, out)} is a file, not a folder`);
  const terraformDefinition = opts.terraformDefinition ?? config.terraform?.definition;
  const types = opts.types ?? config.types;
  const checker = typeCheckerFor(io, rest.tsconfig, opts.verbose);
  const loader = moduleLoaderFor(io, config, opts.verbose, opts.watch);
  const options: CompileOptions & { files: string[] } = {
    cwd: io.cwd,
    ...rest,
    ...(terraformDefinition ? { terraformDefinition } : {}),
    ...(opts.diagram ? { diagrams: true } : {}),
    ...(types ? { types: true } : {}),
    checker,
    loader,
    // A build with errors writes nothing.
    outputsOnlyWhenClean: true,
  };
  const build = async (): Promise<CompileResult & { failed: boolean }> => {
    const started = performance.now();
    const result = await compile(options);
    const failed = report(result.diagnostics, Boolean(opts.json), io);
    if (!failed) {
      // The sources built must not be inside the folder a build replaces.
      const keep = result.workflows.map((w) => w.file);
      const written = writeOutputs(resolve(io.cwd, out), result.files, { keep });
      if (types) writeOutputs(resolve(io.cwd, types), result.typeFiles, { keep, flag: "--types" });
      if (!opts.json) {
        io.err(
          `built ${result.workflows.length} workflow(s): ${written.written.length} file(s) in ${out} (${Math.round(performance.now() - started)} ms)\n`,
        );
        reportWrite(written, out, io);
      }
    }
    return { ...result, failed };
  };
  let first: CompileResult & { failed: boolean };
  try {
    first = await build();
  } finally {
    if (!opts.watch) await Promise.all([checker.close(), loader.close()]);
  }
  if (!opts.watch) return first.failed ? 1 : 0;
  const watched = options.files.length > 0 ? options.files.map((f) => resolve(io.cwd, f)) : await checker.workflowFiles();
  // The watcher (chokidar) loads only when watching.
  const { watchFiles } = await import("../watch.js");
  const watcher = watchFiles(watched, resolve(io.cwd, out), async (changed) => {
    // An editor that truncates before it writes shows an empty file for a moment: never publish a build of that.
    if (changed.some((file) => statSync(file, { throwIfNoEntry: false })?.size === 0)) return;
    await checker.refresh(changed);
    try {
      await build();
    } catch (error) {
      // The next save tries again; a watch session does not end on one bad write.
      io.err(`stepwright: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  await watcher.ready;
  io.err(`watching ${watched.length} file(s) for changes\n`);
  return new Promise<number>(() => {});
}
