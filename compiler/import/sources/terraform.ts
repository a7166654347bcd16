import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Node } from "jsonc-parser";
import { maxJsonDepth, nestingBeyond, readJsonText } from "./bounded-json.js";
import { type Diagnostic, diagnostic } from "../../base/diagnostic.js";
import { workflowNameFrom } from "../../rules/workflow-name.js";
import { importCodes } from "../base/codes.js";
import { within } from "../../base/within.js";
import { type Block, type Expression, HclError, parseHcl } from "./hcl.js";
import { type FoundDefinition, jsonLocator, positionOf } from "./json.js";

/** Something in a definition that cannot be read, where it is. */
class Unreadable extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a file holds in a definition's place: JSON text, with each Terraform reference as the `${...}` it is written as. */
interface Evaluation {
  readonly references: Map<string, string>;
}

const placeholder = (reference: string) => "${" + reference + "}";

/** An HCL value as JSON (`jsonencode`'s argument): a reference stands as `${reference}`. */
function toJson(e: Expression, into: Evaluation): unknown {
  switch (e.kind) {
    case "literal":
      return e.value;
    case "object":
      return Object.fromEntries(e.entries.map(([k, v]) => [k, toJson(v, into)]));
    case "tuple":
      return e.items.map((item) => toJson(item, into));
    case "reference":
      into.references.set(placeholder(e.text), e.text);
      return placeholder(e.text);
    case "template":
      return templateText(e.parts, into);
    case "call":
      throw new Unreadable(e.offset, `${e.name}(...) is not read inside a definition: write its value`);
  }
}

/** A string template's text, its interpolated references written as `${reference}` (as ASL keeps `${Placeholders}`). */
function templateText(parts: readonly (string | Expression)[], into: Evaluation): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return p;
      // `${"$"}` writes a literal `$` (how a heredoc keeps a `${Placeholder}` as text).
      if (p.kind === "literal") return String(p.value);
      if (p.kind === "template" && p.parts.every((q) => typeof q === "string")) return p.parts.join("");
      if (p.kind !== "reference") throw new Unreadable(p.offset, "only references and literals are read inside ${...}");
      into.references.set(placeholder(p.text), p.text);
      return placeholder(p.text);
    })
    .join("");
}

/** Where `file(...)` and `templatefile(...)` may read: under `root` (the folder imported), unless anywhere is allowed. */
export interface Confinement {
  readonly root: string;
  readonly anywhere?: boolean;
}

/** The file `file(...)`/`templatefile(...)` names: a literal path, `${path.module}` being the .tf's folder, under the folder imported. */
function namedFile(e: Expression | undefined, folder: string, confined: Confinement): string {
  if (e?.kind !== "template") throw new Unreadable(e?.offset ?? 0, "a file path is a quoted string");
  const text = e.parts
    .map((p) => {
      if (typeof p === "string") return p;
      if (p.kind === "reference" && (p.text === "path.module" || p.text === "path.root")) return folder;
      throw new Unreadable(p.offset, "a file path may use ${path.module}, nothing else");
    })
    .join("");
  const path = resolve(folder, text);
  if (!confined.anywhere && !within(path, resolve(confined.root))) {
    throw new Unreadable(e.offset, `${text} lies outside the folder imported (${confined.root}): pass --allow-outside to read it`);
  }
  return path;
}

/** `templatefile`'s variables substituted: references stay `${reference}`, literals are written in. */
function substitute(text: string, variables: Expression | undefined, into: Evaluation, at: number): string {
  if (!variables) return text;
  if (variables.kind !== "object") throw new Unreadable(variables.offset, "templatefile's variables are an object { name = value }");
  const values = new Map(variables.entries);
  if (/%\{/.test(text)) throw new Unreadable(at, "template directives (%{ ... }) are not read here");
  return text.replace(/(\$)?\$\{\s*([A-Za-z_][\w-]*)\s*\}/g, (whole, escaped: string | undefined, name: string) => {
    if (escaped) return whole.slice(1);
    const value = values.get(name);
    if (!value) throw new Unreadable(at, `the template uses \${${name}}, which templatefile is not given`);
    if (value.kind === "reference") {
      into.references.set(placeholder(value.text), value.text);
      return placeholder(value.text);
    }
    if (value.kind === "literal" && typeof value.value === "string") return JSON.stringify(value.value).slice(1, -1);
    if (value.kind === "literal") return String(value.value);
    if (value.kind === "template") return JSON.stringify(templateText(value.parts, into)).slice(1, -1);
    throw new Unreadable(value.offset, `${name} is given a value that is not read here: a string, number or reference`);
  });
}

interface Read {
  readonly definition: unknown;
  /** The JSON text and where it is (for positions): in the .tf, or in the file it reads. */
  readonly json?: { readonly file: string; readonly text: string; readonly base: number; readonly whole: string; readonly tree: Node };
}

/** A definition expression's value: `jsonencode({...})`, `file(...)`, `templatefile(...)`, a heredoc or a string of JSON. */
function definitionOf(e: Expression, file: string, text: string, into: Evaluation, confined: Confinement): Read {
  const folder = dirname(file);
  // Read without recursion first (no text overflows the stack), and never echoed: a file read by mistake stays unquoted.
  const parsed = (json: string, offset: number): { definition: unknown; tree: Node } => {
    const read = readJsonText(json);
    switch (read.kind) {
      case "read":
        return { definition: read.value, tree: read.tree };
      case "deep":
        throw new Unreadable(offset, `the definition nests deeper than ${maxJsonDepth} levels: no state machine definition does`);
      case "syntax":
        throw new Unreadable(
          offset,
          `the definition is not JSON: ${read.error === "empty" ? "it is empty" : `${read.error} at offset ${read.offset}`}`,
        );
      case "duplicate":
        throw new Unreadable(offset, `the definition writes the key ${JSON.stringify(read.key)} twice in one object: AWS rejects it`);
    }
  };
  if (e.kind === "call" && e.name === "jsonencode" && e.args.length === 1) {
    const value = e.args[0]!;
    if (value.kind !== "object")
      throw new Unreadable(
        value.offset,
        `jsonencode(${value.kind === "reference" ? value.text : "..."}) is computed by Terraform: write the definition's object in place`,
      );
    return { definition: toJson(value, into) };
  }
  if (e.kind === "call" && (e.name === "file" || e.name === "templatefile")) {
    const path = namedFile(e.args[0], folder, confined);
    if (!existsSync(path)) throw new Unreadable(e.offset, `${relative(folder, path)} does not exist`);
    const raw = readFileSync(path, "utf8");
    const json = e.name === "templatefile" ? substitute(raw, e.args[1], into, e.offset) : raw;
    // A file's own `${...}` (not templatefile's) are text, as Terraform's file() leaves them.
    const { definition, tree } = parsed(json, e.offset);
    return { definition, json: { file: path, text: json, base: 0, whole: json, tree } };
  }
  if (e.kind === "template") {
    const json = templateText(e.parts, into);
    const { definition, tree } = parsed(json, e.offset);
    return { definition, json: { file, text: json, base: e.offset, whole: text, tree } };
  }
  throw new Unreadable(e.offset, "the definition is read from jsonencode({...}), file(...), templatefile(...), a heredoc or a string");
}

/** A state machine's name: its `name` attribute when written as text, else the resource's label. */
function nameOf(block: Block, label: string): string {
  const name = block.attributes.get("name");
  const text = name?.kind === "template" && name.parts.every((p) => typeof p === "string") ? name.parts.join("") : label;
  return workflowNameFrom(text) ?? label;
}

/**
 * The state machines of a Terraform file: each `aws_sfn_state_machine` whose definition is
 * `jsonencode({...})`, `file(...)`/`templatefile(...)` of a JSON file, a heredoc or a string.
 */
export function readTerraform(
  file: string,
  display: string,
  text: string,
  confined: Confinement = { root: dirname(file) },
): FoundDefinition[] | Diagnostic {
  let blocks: Block[];
  // The HCL reader recurses into what it nests: nesting no Terraform file needs is refused before it.
  const deep = nestingBeyond(text);
  if (deep !== undefined)
    return diagnostic(importCodes.unreadable, `${display} nests deeper than ${maxJsonDepth} levels: no state machine definition does.`, {
      file: display,
      ...positionOf(text, deep),
    });
  try {
    blocks = parseHcl(text);
  } catch (error) {
    if (!(error instanceof HclError)) throw error;
    return diagnostic(importCodes.unreadable, `${display} is not read as Terraform: ${error.message}.`, {
      file: display,
      ...positionOf(text, error.offset),
    });
  }
  const machines = blocks.filter((b) => b.type === "resource" && b.labels[0] === "aws_sfn_state_machine");
  const found: FoundDefinition[] = [];
  for (const machine of machines) {
    const label = machine.labels[1] ?? "state_machine";
    const origin = `${display}: aws_sfn_state_machine.${label}`;
    const expression = machine.attributes.get("definition");
    const at = (offset: number) => ({ file: display, ...positionOf(text, offset) });
    if (!expression) return diagnostic(importCodes.noDefinition, `${origin} has no definition.`, at(machine.offset));
    const into: Evaluation = { references: new Map() };
    try {
      const read = definitionOf(expression, file, text, into, confined);
      const json = read.json;
      const shown = json && json.file !== file ? relative(dirname(file), json.file) : display;
      // The tree the definition was read into: the text is not parsed again to locate its states.
      const locate = json ? jsonLocator(shown, json.text, json.tree, json.base, json.whole) : () => at(expression.offset);
      found.push({ name: nameOf(machine, label), definition: read.definition, origin, locate, references: into.references });
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      return diagnostic(importCodes.noDefinition, `${origin}: ${error.message}.`, at(error.offset));
    }
  }
  return found;
}
