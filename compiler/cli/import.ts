import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { codePointOrder } from "../base/order.js";
import { workflowNameFrom, workflowNamePattern } from "../rules/workflow-name.js";
import { readTerraform } from "../import/sources/terraform.js";
import { type Diagnostic, diagnostic } from "../base/diagnostic.js";
import { importCodes } from "../import/base/codes.js";
import { importDefinitions } from "../import/index.js";
import { type FoundDefinition, readJson } from "../import/sources/json.js";
import { writeFileAtomically } from "../write.js";
import { type Io, report, UsageError } from "./io.js";

export interface ImportOptions {
  out?: string;
  name?: string;
  json?: boolean;
  /** Let `file(...)` and `templatefile(...)` read outside the folder imported. */
  allowOutside?: boolean;
}

/** A workflow name from a file name: `order-flow.asl.json` → `order-flow` (characters a name may not hold become `-`). */
export function nameFromFile(file: string): string {
  return workflowNameFrom(basename(file).replace(/(\.asl)?\.(json|ya?ml|tf)$/i, "")) ?? "workflow";
}

/** The definitions in one input: an ASL JSON file, a Terraform file or folder, or standard input (`-`, either). */
function definitionsIn(input: string, opts: ImportOptions, io: Io, stdin: () => string): FoundDefinition[] | Diagnostic {
  const named = (found: FoundDefinition[]) => (opts.name !== undefined && found.length === 1 ? [{ ...found[0]!, name: opts.name }] : found);
  if (input === "-") {
    const text = stdin();
    // JSON starts with a value; Terraform with a block or a comment.
    const json = /^\s*($|[{["\d-]|true|false|null)/.test(text);
    const found = json
      ? wrap(readJson("<stdin>", text, opts.name ?? "workflow"))
      : someIn(readTerraform(join(io.cwd, "stdin.tf"), "<stdin>", text, { root: io.cwd, anywhere: Boolean(opts.allowOutside) }), "<stdin>");
    return Array.isArray(found) ? named(found) : found;
  }
  const path = resolve(io.cwd, input);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${input}: no such file or folder`);
  }
  const shown = (file: string) => relative(io.cwd, file) || file;
  if (stat.isDirectory()) {
    // Regular files only: a link named like a .tf file that points at a folder (even this one) is not one.
    const files = readdirSync(path)
      .filter((f) => f.endsWith(".tf") && statSync(join(path, f), { throwIfNoEntry: false })?.isFile())
      .sort(codePointOrder);
    if (files.length === 0) throw new UsageError(`${input} holds no .tf files`);
    const found: FoundDefinition[] = [];
    for (const f of files) {
      const text = readFileSync(join(path, f), "utf8");
      if (!text.includes("aws_sfn_state_machine")) continue;
      const read = readTerraform(join(path, f), shown(join(path, f)), text, { root: path, anywhere: Boolean(opts.allowOutside) });
      if (!Array.isArray(read)) return read;
      found.push(...read);
    }
    if (found.length === 0) throw new UsageError(`${input} holds no aws_sfn_state_machine resource`);
    return named(found);
  }
  const text = readFileSync(path, "utf8");
  if (path.endsWith(".tf")) {
    const found = someIn(
      readTerraform(path, shown(path), text, { root: dirname(path), anywhere: Boolean(opts.allowOutside) }),
      shown(path),
    );
    return Array.isArray(found) ? named(found) : found;
  }
  return wrap(readJson(shown(path), text, opts.name ?? nameFromFile(input)));
}

/** A Terraform file's definitions, or (one file read alone) that it has none. In a folder, files without one (outputs.tf, a provider) are passed over. */
const someIn = (found: FoundDefinition[] | Diagnostic, display: string): FoundDefinition[] | Diagnostic =>
  Array.isArray(found) && found.length === 0
    ? diagnostic(importCodes.noDefinition, `${display} has no aws_sfn_state_machine resource.`, { file: display, line: 1, column: 1 })
    : found;

const wrap = (found: FoundDefinition | Diagnostic): FoundDefinition[] | Diagnostic => ("definition" in found ? [found] : found);

/**
 * `stepwright import <file> [--out file.ts] [--name name]`: a state machine's definition as
 * Stepwright TypeScript, printed or written to --out (only when the whole import succeeds).
 */
export async function importCommand(
  input: string,
  opts: ImportOptions,
  io: Io,
  stdin: () => string = () => readFileSync(0, "utf8"),
): Promise<number> {
  if (opts.name !== undefined && !workflowNamePattern.test(opts.name))
    throw new UsageError(`--name ${JSON.stringify(opts.name)} is not a workflow name (letters, digits, - and _, at most 80)`);
  if (opts.out !== undefined && !/\.[cm]?ts$/.test(opts.out))
    throw new UsageError(`--out ${JSON.stringify(opts.out)} should be a TypeScript file (.ts)`);
  const found = definitionsIn(input, opts, io, stdin);
  if (!Array.isArray(found)) return report([found], Boolean(opts.json), io) ? 1 : 0;
  const result = await importDefinitions(found);
  if (result.text === undefined) {
    report(result.diagnostics, Boolean(opts.json), io);
    return 1;
  }
  if (opts.out === undefined) {
    io.out(result.text);
    return 0;
  }
  writeFileAtomically(resolve(io.cwd, opts.out), result.text);
  if (!opts.json) io.err(`imported ${found.map((f) => f.name).join(", ")} into ${opts.out}\n`);
  return 0;
}
