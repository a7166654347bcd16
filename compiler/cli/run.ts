import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import type { LocalEvent } from "../run/local.js";
import { runCommand } from "./run-command.js";
import { type Io, report } from "./io.js";
import { checkRegionAndAccount, pick } from "./settings.js";

export interface RunOptions {
  workflow?: string;
  input: string;
  mock: string[];
  object?: string[];
  results?: string;
  trace?: boolean;
  invokeAws?: boolean;
  region?: string;
  account?: string;
  json?: boolean;
  diagram?: string;
  cost?: boolean;
}

/** `stepwright run`: a local execution; prints the output (exit 0) or the error (exit 1). */
export async function runCliCommand(file: string, opts: RunOptions, io: Io): Promise<number> {
  checkRegionAndAccount(opts);
  const format = opts.diagram === undefined ? undefined : diagramFormat(opts.diagram);
  if (format === null) {
    io.err(`stepwright run: --diagram takes a file ending in .svg or .mmd (got ${opts.diagram})\n`);
    return 2;
  }
  const result = await runCommand({
    file,
    cwd: io.cwd,
    input: opts.input,
    mocks: opts.mock,
    objects: opts.object ?? [],
    ...(opts.results ? { results: opts.results } : {}),
    ...(opts.workflow ? { workflow: opts.workflow } : {}),
    ...(opts.invokeAws ? { invokeAws: true } : {}),
    ...pick(opts),
    ...(opts.trace ? { onEvent: (e: LocalEvent) => io.err(`${traceLine(e)}\n`) } : {}),
  });
  if (result.kind === "diagnostics") {
    report(result.diagnostics, Boolean(opts.json), io);
    return 1;
  }
  if (result.kind === "usage") {
    io.err(`stepwright run: ${result.message}\n`);
    return 2;
  }
  if (format) {
    const { runDiagram } = await import("../emit/diagram/index.js");
    const target = resolve(io.cwd, opts.diagram!);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await runDiagram(result.workflow, result.trail, format));
  }
  if (opts.cost) {
    const { runCostLine } = await import("./cost.js");
    io.err(`${await runCostLine(result.trail, io)}\n`);
  }
  if (result.error) {
    io.err(
      `execution failed: ${result.error.error}: ${typeof result.error.cause === "string" ? result.error.cause : JSON.stringify(result.error.cause)}\n`,
    );
    return 1;
  }
  io.out(`${JSON.stringify(result.output, null, 2)}\n`);
  return 0;
}

/** The drawing a --diagram file asks for, by its extension; null for any other. */
function diagramFormat(file: string): "svg" | "mmd" | null {
  const extension = extname(file).toLowerCase();
  return extension === ".svg" ? "svg" : extension === ".mmd" ? "mmd" : null;
}

/** One line of --trace: `→ Name {input}`, `← Name {output}`, `= Name {variables assigned}`, and marks for retries, catches and failures. */
function traceLine(e: LocalEvent): string {
  const json = (v: unknown) => JSON.stringify(v);
  switch (e.type) {
    case "StateEntered":
      return `→ ${e.state} ${json(e.input)}`;
    case "StateExited":
      return `← ${e.state} ${json(e.output)}`;
    case "StateRetried":
      return `↻ ${e.state} retried after ${e.error}`;
    case "StateCaught":
      return `⤷ ${e.state} caught ${e.error}, hands on ${json(e.output)}`;
    case "VariablesAssigned":
      return `= ${e.state} ${json(e.variables)}`;
    case "Evaluated":
      return `  ${e.expression} → ${json(e.output)}`;
    case "StateFailed":
      return `✗ ${e.state} ${e.error}: ${typeof e.cause === "string" ? e.cause : json(e.cause)}`;
    default:
      return `· ${e.type}${e.state ? ` ${e.state}` : ""}`;
  }
}
