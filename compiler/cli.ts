import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { StepwrightConfig } from "../src/config.ts";
import { compile, type CompileResult } from "./compile.ts";
import { loadConfig } from "./config.ts";
import type { Diagnostic } from "./diagnostic.ts";
import type { DefinitionMode } from "./emit/terraform/index.ts";
import { diagnosticJson, formatDiagnostic } from "./format-diagnostic.ts";
import type { LocalEvent } from "./run/local.ts";
import { runCommand } from "./run/command.ts";
import { TypeChecker } from "./typeflow/checker.ts";
import { watchFiles } from "./watch.ts";
import { writeOutputs } from "./write.ts";

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly color: boolean;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
};

interface CommonOptions {
  region?: string;
  account?: string;
  tsconfig?: string;
  config?: string;
  json?: boolean;
}

function report(diagnostics: readonly Diagnostic[], json: boolean, io: Io): boolean {
  for (const d of diagnostics) {
    if (json) io.out(`${diagnosticJson(d)}\n`);
    else io.err(`${formatDiagnostic(d, io.cwd, io.color)}\n`);
  }
  return diagnostics.some((d) => d.severity === "error");
}

/** Command-line flags win over the config file. */
function settings(files: string[], opts: CommonOptions, config: StepwrightConfig) {
  const tsconfig = opts.tsconfig ?? config.tsconfig;
  return {
    files: files.length > 0 ? files : (config.files ?? []),
    ...pick({ region: opts.region ?? config.region, account: opts.account ?? config.account }),
    ...(tsconfig ? { tsconfig } : {}),
  };
}

function withCommonOptions(command: Command): Command {
  return command
    .argument("[files...]", "TypeScript files that export workflow(...) (default: those in tsconfig.json)")
    .option("--region <region>", "AWS region for function and state machine names")
    .option("--account <account>", "AWS account id for function and state machine names")
    .option("--tsconfig <path>", "tsconfig.json to type-check with (default: the nearest one)")
    .option("--config <path>", "config file (default: stepwright.config.ts if present)")
    .option("--json", "print diagnostics as JSON lines");
}

/** Runs the CLI; returns the exit code (0 ok, 1 diagnostics, 2 usage or internal error). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("stepwright")
    .description("Typed AWS Step Functions workflows: check them and build ASL and Terraform")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  withCommonOptions(program.command("check").description("type-check workflows and run every rule; write nothing")).action(
    async (files: string[], opts: CommonOptions) => {
      const { config, diagnostics } = await loadConfig(io.cwd, opts.config);
      if (report(diagnostics, Boolean(opts.json), io)) {
        exitCode = 1;
        return;
      }
      const result = await compile({ cwd: io.cwd, ...settings(files, opts, config) });
      exitCode = report(result.diagnostics, Boolean(opts.json), io) ? 1 : 0;
      if (exitCode === 0 && !opts.json) io.err(`${result.workflows.length} workflow(s) checked, no errors\n`);
    },
  );

  withCommonOptions(program.command("build").description("check workflows and write each one's ASL and Terraform into --out"))
    .option("--out <dir>", "output directory (default: the config's out)")
    .option("--watch", "rebuild whenever a file changes")
    .option("--diagram", "also draw each workflow (<name>.mmd and <name>.svg)")
    .addOption(
      new Option("--terraform-definition <form>", "write each definition as an HCL object (jsonencode) or read it from the .asl.json (templatefile)").choices([
        "jsonencode",
        "templatefile",
      ]),
    )
    .action(async (files: string[], opts: CommonOptions & { out?: string; watch?: boolean; diagram?: boolean; terraformDefinition?: DefinitionMode }) => {
      const { config, diagnostics } = await loadConfig(io.cwd, opts.config);
      if (report(diagnostics, Boolean(opts.json), io)) {
        exitCode = 1;
        return;
      }
      const out = opts.out ?? config.out;
      if (!out) throw new CommanderError(2, "stepwright.missingOut", "error: build needs --out <dir> (or out in stepwright.config.ts)");
      const terraformDefinition = opts.terraformDefinition ?? config.terraform?.definition;
      const options = { cwd: io.cwd, ...settings(files, opts, config), ...(terraformDefinition ? { terraformDefinition } : {}), ...(opts.diagram ? { diagrams: true } : {}) };
      const checker = new TypeChecker(io.cwd, options.tsconfig);
      const build = async (): Promise<CompileResult & { failed: boolean }> => {
        const started = performance.now();
        const result = await compile({ ...options, checker });
        const failed = report(result.diagnostics, Boolean(opts.json), io);
        if (!failed) {
          const written = writeOutputs(resolve(io.cwd, out), result.files);
          if (!opts.json) io.err(`built ${result.workflows.length} workflow(s): ${written.length} file(s) in ${out} (${Math.round(performance.now() - started)} ms)\n`);
        }
        return { ...result, failed };
      };
      const first = await build();
      exitCode = first.failed ? 1 : 0;
      if (!opts.watch) {
        await checker.close();
        return;
      }
      const watched = options.files.length > 0 ? options.files.map((f) => resolve(io.cwd, f)) : await checker.workflowFiles();
      const watcher = watchFiles(watched, resolve(io.cwd, out), async (changed) => {
        await checker.refresh(changed);
        await build();
      });
      await watcher.ready;
      io.err(`watching ${watched.length} file(s) for changes\n`);
      await new Promise<void>(() => {});
    });

  withCommonOptions(program.command("graph").description("draw each workflow: <name>.mmd (Mermaid) and <name>.svg into --out"))
    .requiredOption("--out <dir>", "output directory")
    .action(async (files: string[], opts: CommonOptions & { out: string }) => {
      const { config, diagnostics } = await loadConfig(io.cwd, opts.config);
      if (report(diagnostics, Boolean(opts.json), io)) {
        exitCode = 1;
        return;
      }
      // Diagrams show names, not ARNs: a placeholder account is enough to compile.
      const result = await compile({ cwd: io.cwd, region: "us-east-1", account: "000000000000", ...settings(files, opts, config), diagrams: true });
      if (report(result.diagnostics, Boolean(opts.json), io)) {
        exitCode = 1;
        return;
      }
      const drawings = Object.fromEntries(Object.entries(result.files).filter(([name]) => /\.(mmd|svg)$/.test(name)));
      const written = writeOutputs(resolve(io.cwd, opts.out), drawings);
      if (!opts.json) io.err(`drew ${result.workflows.length} workflow(s): ${written.length} file(s) in ${opts.out}\n`);
    });

  program
    .command("run")
    .description("run a workflow locally (aws-local-stepfunctions) and print its output or error")
    .argument("<file>", "TypeScript file that exports the workflow")
    .option("--workflow <name>", "the workflow to run, when the file has several")
    .option("--input <json>", "execution input: JSON text, or @file.json", "{}")
    .option("--mock <State=answer>", "answer a Task: State=@handler.ts (default export) or State=<json>; repeatable", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("--trace", "print each state entered and exited, with its input and output")
    .option("--invoke-aws", "call real Lambda functions for Tasks without a mock")
    .option("--region <region>", "AWS region for function names")
    .option("--account <account>", "AWS account id for function names")
    .option("--json", "print diagnostics as JSON lines")
    .action(async (file: string, opts: { workflow?: string; input: string; mock: string[]; trace?: boolean; invokeAws?: boolean; region?: string; account?: string; json?: boolean }) => {
      const result = await runCommand({
        file,
        cwd: io.cwd,
        input: opts.input,
        mocks: opts.mock,
        ...(opts.workflow ? { workflow: opts.workflow } : {}),
        ...(opts.invokeAws ? { invokeAws: true } : {}),
        ...pick(opts),
        ...(opts.trace ? { onEvent: (e: LocalEvent) => io.err(`${traceLine(e)}\n`) } : {}),
      });
      if (result.kind === "diagnostics") {
        report(result.diagnostics, Boolean(opts.json), io);
        exitCode = 1;
      } else if (result.kind === "usage") {
        io.err(`stepwright run: ${result.message}\n`);
        exitCode = 2;
      } else if (result.error) {
        io.err(`execution failed: ${result.error.error}: ${typeof result.error.cause === "string" ? result.error.cause : JSON.stringify(result.error.cause)}\n`);
        exitCode = 1;
      } else {
        io.out(`${JSON.stringify(result.output, null, 2)}\n`);
      }
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "stepwright.missingOut") io.err(`${error.message}\n`);
      return error.exitCode === 0 ? 0 : 2;
    }
    io.err(`stepwright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
  return exitCode;
}

/** One line of --trace: `→ Name {input}`, `← Name {output}`, and marks for retries, catches and failures. */
function traceLine(e: LocalEvent): string {
  const json = (v: unknown) => JSON.stringify(v);
  switch (e.type) {
    case "StateEntered":
      return `→ ${e.state} ${json(e.input)}`;
    case "StateExited":
      return `← ${e.state} ${json(e.output)}`;
    case "StateRetried":
      return `↻ ${e.state} retried`;
    case "StateCaught":
      return `⤷ ${e.state} error caught`;
    case "StateFailed":
      return `✗ ${e.state} ${e.error}: ${typeof e.cause === "string" ? e.cause : json(e.cause)}`;
    default:
      return `· ${e.type}${e.state ? ` ${e.state}` : ""}`;
  }
}

function pick(opts: { region?: string; account?: string }): { region?: string; account?: string } {
  return { ...(opts.region ? { region: opts.region } : {}), ...(opts.account ? { account: opts.account } : {}) };
}
