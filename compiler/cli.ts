import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { compile } from "./compile.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { diagnosticJson, formatDiagnostic } from "./format-diagnostic.ts";
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

function report(diagnostics: readonly Diagnostic[], json: boolean, io: Io): boolean {
  for (const d of diagnostics) {
    if (json) io.out(`${diagnosticJson(d)}\n`);
    else io.err(`${formatDiagnostic(d, io.cwd, io.color)}\n`);
  }
  return diagnostics.some((d) => d.severity === "error");
}

/** Runs the CLI; returns the exit code (0 ok, 1 diagnostics, 2 usage or internal error). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("stepwright")
    .description("Typed AWS Step Functions workflows: check them and build ASL and Terraform")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command("check")
    .description("check workflows; write nothing")
    .argument("<files...>", "TypeScript files that export workflow(...)")
    .option("--region <region>", "AWS region for function and state machine names")
    .option("--account <account>", "AWS account id for function and state machine names")
    .option("--json", "print diagnostics as JSON lines")
    .action(async (files: string[], opts: { region?: string; account?: string; json?: boolean }) => {
      const result = await compile({ files, cwd: io.cwd, ...pick(opts) });
      exitCode = report(result.diagnostics, Boolean(opts.json), io) ? 1 : 0;
      if (exitCode === 0 && !opts.json) io.err(`${result.workflows.length} workflow(s) checked, no errors\n`);
    });

  program
    .command("build")
    .description("build each workflow's ASL into --out")
    .argument("<files...>", "TypeScript files that export workflow(...)")
    .requiredOption("--out <dir>", "output directory")
    .option("--region <region>", "AWS region for function and state machine names")
    .option("--account <account>", "AWS account id for function and state machine names")
    .option("--json", "print diagnostics as JSON lines")
    .action(async (files: string[], opts: { out: string; region?: string; account?: string; json?: boolean }) => {
      const result = await compile({ files, cwd: io.cwd, ...pick(opts) });
      if (report(result.diagnostics, Boolean(opts.json), io)) {
        exitCode = 1;
        return;
      }
      const outputs = Object.assign({}, ...result.workflows.map((w) => w.files)) as Record<string, string>;
      const written = writeOutputs(resolve(io.cwd, opts.out), outputs);
      if (!opts.json) io.err(`built ${result.workflows.length} workflow(s): ${written.length} file(s) in ${opts.out}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.err(`stepwright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
  return exitCode;
}

function pick(opts: { region?: string; account?: string }): { region?: string; account?: string } {
  return { ...(opts.region ? { region: opts.region } : {}), ...(opts.account ? { account: opts.account } : {}) };
}
