import { Command, CommanderError, Option } from "commander";
import { defaultIo, type Io, UsageError } from "./io.js";
import { ownPackage } from "./own-package.js";
import type { CommonOptions } from "./settings.js";

// Each command's module is imported when the command runs: `--help` and `--version` load none of
// ts-morph, Prettier, Graphviz or the local runner.
const commands = {
  check: () => import("./check.js"),
  build: () => import("./build.js"),
  graph: () => import("./graph.js"),
  run: () => import("./run.js"),
  cost: () => import("./cost.js"),
  init: () => import("./init.js"),
  import: () => import("./import.js"),
};

function withCommonOptions(command: Command): Command {
  return command
    .argument("[files...]", "TypeScript files that export workflow(...) (default: those in tsconfig.json)")
    .option("--region <region>", "AWS region for function and state machine names")
    .option("--account <account>", "AWS account id for function and state machine names")
    .option("--tsconfig <path>", "tsconfig.json to type-check with (default: the nearest one)")
    .option("--config <path>", "config file (default: stepwright.config.ts if present)")
    .option("--json", "print diagnostics as JSON lines")
    .option("--verbose", "say which type checker runs, and print stack traces of internal errors");
}

/** Runs the CLI; returns the exit code (0 ok, 1 diagnostics, 2 usage or internal error). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("stepwright")
    .description("Typed AWS Step Functions workflows: check them and build ASL and Terraform")
    .version(ownPackage()?.version ?? "unknown", "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  // The native type checker and the thread that loads the modules start while the config is read
  // (the bin has started them already, before this module loaded).
  const compiling = (await import("./prestart.js")).prestart(argv, io.cwd);

  withCommonOptions(program.command("check").description("type-check workflows and run every rule; write nothing")).action(
    async (files: string[], opts: CommonOptions) => {
      exitCode = await (await commands.check()).checkCommand(files, opts, io);
    },
  );

  withCommonOptions(program.command("build").description("check workflows and write each one's ASL and Terraform into --out"))
    .option("--out <dir>", "output directory (default: the config's out)")
    .option("--watch", "rebuild whenever a file changes")
    .option("--diagram", "also draw each workflow (<name>.mmd and <name>.svg)")
    .option("--types <dir>", "also write each workflow's types for its Lambdas and callers (<name>.ts and JSON Schemas) into <dir>")
    .addOption(
      new Option(
        "--terraform-definition <form>",
        "write each definition as an HCL object (jsonencode) or read it from the .asl.json (templatefile)",
      ).choices(["jsonencode", "templatefile"]),
    )
    .action(async (files: string[], opts) => {
      exitCode = await (await commands.build()).buildCommand(files, opts, io);
    });

  withCommonOptions(
    program.command("cost").description("state transitions per execution of each workflow, priced for Standard and Express"),
  )
    .option("--markdown", "print one Markdown table of every workflow")
    .option(
      "--assume <name=count>",
      "a count the formulas assume, such as items(ShipEach)=100 or loops(Poll)=3 (default 1); repeatable",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (files: string[], opts) => {
      exitCode = await (await commands.cost()).costCommand(files, opts, io);
    });

  withCommonOptions(program.command("graph").description("draw each workflow: <name>.mmd (Mermaid) and <name>.svg"))
    .option("--out <dir>", "output directory (default: the config's diagrams, else diagrams)")
    .action(async (files: string[], opts: CommonOptions & { out?: string }) => {
      exitCode = await (await commands.graph()).graphCommand(files, opts, io);
    });

  program
    .command("run")
    .description("run a workflow locally and print its output (standard output) or error (standard error)")
    .argument("<file>", "TypeScript file that exports the workflow, or a definition as ASL (.json)")
    .option("--workflow <name>", "the workflow to run, when the file has several")
    .option("--input <json>", "execution input: JSON text, or @file.json", "{}")
    .option(
      "--mock <State=answer>",
      "answer a Task: State=@handler.ts (default export), State=<json> or State=!Error.Name:cause; State may be a Resource ARN; repeated, the answers come in turn",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      "--object <s3://bucket/key=@file>",
      "an S3 object a Distributed Map reads: =@file, =text, or s3://bucket/prefix/=@folder/; repeatable",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option("--results <dir>", "where a Distributed Map's ResultWriter writes: <dir>/<bucket>/<key>")
    .option("--trace", "print each state entered and exited, with its input and output")
    .option("--diagram <file>", "draw the run on the workflow's diagram: run.svg or run.mmd (Mermaid)")
    .option("--cost", "price the transitions of this run, for Standard and Express")
    .option("--invoke-aws", "call real Lambda functions for Tasks without a mock")
    .option("--region <region>", "AWS region for function names")
    .option("--account <account>", "AWS account id for function names")
    .option("--json", "print diagnostics as JSON lines")
    .option("--verbose", "print stack traces of internal errors")
    .action(async (file: string, opts) => {
      exitCode = await (await commands.run()).runCliCommand(file, opts, io);
    });

  program
    .command("import")
    .description(
      "turn a state machine definition into Stepwright TypeScript: an ASL JSON file, a Terraform file or folder, or - (standard input)",
    )
    .argument("<file>", "the definition: file.asl.json, main.tf, a folder of .tf files, or - for standard input")
    .option("--out <file.ts>", "write the module here (default: print it)")
    .option("--name <name>", "the workflow's name (default: the file's name)")
    .option("--allow-outside", "let file(...) and templatefile(...) read outside the folder imported")
    .option("--json", "print diagnostics as JSON lines")
    .option("--verbose", "print stack traces of internal errors")
    .action(async (file: string, opts) => {
      exitCode = await (await commands.import()).importCommand(file, opts, io);
    });

  program
    .command("init")
    .description("write a starter project: a workflow, its test, a strict tsconfig and stepwright.config.ts")
    .argument("[dir]", "folder to create it in (default: the current folder)")
    .option("--verbose", "print stack traces of internal errors")
    .action(async (dir: string | undefined) => {
      exitCode = (await commands.init()).initCommand(dir, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || (error instanceof Error && error.name === "OutputError")) {
      io.err(`stepwright: ${error.message}\n`);
      return 2;
    }
    // A real bug in Stepwright: one line and how to report it; the stack trace under --verbose.
    const verbose = argv.includes("--verbose");
    const message = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
    io.err(`stepwright: internal error: ${message}\n`);
    io.err(
      verbose && error instanceof Error && error.stack
        ? `${error.stack}\n`
        : "This is a bug in Stepwright, not in your workflow: please report it with the command you ran and its output with --verbose.\n",
    );
    return 2;
  } finally {
    if (compiling) await (await import("../typeflow/checker.js")).releasePrestarted();
  }
  return exitCode;
}
