import * as dsl from "../../src/index.js";
import type { JsonValue } from "../../src/ir/json.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { emitAsl } from "../emit/asl/index.js";
import { codePointOrder } from "../order.js";
import { AslReadError, readAsl } from "../read/asl.js";
import { type Code, json, object } from "./code.js";
import { compareDefinitions } from "./compare.js";
import { GraphWriter, ImportProblem, type ModuleParts } from "./graph.js";
import { Namer } from "./names.js";
import type { Patch } from "./steps/context.js";
import { typesOf } from "./types.js";

/** A definition to import: its workflow name and its ASL. */
export interface ImportSource {
  readonly name: string;
  readonly definition: unknown;
  /** Where it came from, for messages (`sm.asl.json`, `main.tf: aws_sfn_state_machine.orders`). */
  readonly origin: string;
  /** Terraform expressions that stood in the definition, by the `${...}` text that holds their place. */
  readonly references?: ReadonlyMap<string, string>;
}

/** Something the importer cannot write, with where it is. */
export interface ImportFinding {
  readonly origin: string;
  readonly workflow: string;
  /** `notAsl`: the definition holds what ASL (as Stepwright reads it) does not; `notWritable`: builder calls cannot write it. */
  readonly kind: "notAsl" | "notWritable";
  /** The state it is about. */
  readonly state?: string;
  /** The JSON path in the definition (`$.States["A"].Type`). */
  readonly path?: string;
  readonly message: string;
}

export interface ImportedModule {
  /** The module's TypeScript (not yet formatted); undefined when anything could not be imported. */
  readonly text?: string;
  readonly findings: readonly ImportFinding[];
}

interface Written {
  readonly declarations: readonly string[];
  readonly interfaces: readonly string[];
  readonly exported: string;
  readonly asl: Record<string, JsonValue>;
}

/** One workflow's steps and its `workflow(...)`, the module's names shared. */
function writeWorkflow(source: ImportSource, ir: WorkflowNode, parts: Omit<ModuleParts, "types" | "references">, interfaces: string[]): Written {
  const language = ir.queryLanguage ?? "JSONPath";
  const types = typesOf(ir, parts.namer, source.name, parts.imports);
  const definition = new GraphWriter({ ...parts, types: types.of, references: source.references ?? new Map() }, ir, language).write();
  interfaces.push(...types.declarations);
  const options: [string, Code][] = [["definition", definition]];
  if (ir.comment !== undefined) options.push(["comment", json(ir.comment)]);
  if (ir.queryLanguage !== undefined) options.push(["queryLanguage", json(ir.queryLanguage)]);
  if (ir.timeoutSeconds !== undefined) options.push(["timeoutSeconds", json(ir.timeoutSeconds)]);
  parts.imports.add("workflow");
  const value = dsl.workflow(source.name, object(options).value as never);
  const assembled = value.assemble();
  const problem = assembled.problems[0];
  if (problem) throw new ImportProblem(problem.step ?? "", problem.message);
  const exported = parts.namer.value(source.name);
  parts.declarations.push(`export const ${exported} = workflow(${JSON.stringify(source.name)}, ${object(options).text});`);
  return { declarations: parts.declarations, interfaces, exported, asl: emitAsl(assembled.ir) as Record<string, JsonValue> };
}

function importLine(imports: ReadonlySet<string>): string {
  const bare = (name: string) => name.replace(/^type /, "");
  const names = [...imports].sort((a, b) => codePointOrder(bare(a), bare(b)));
  return `import { ${names.join(", ")} } from "stepwright";`;
}

/**
 * Writes the definitions as one TypeScript module, then checks it: the workflows the module's
 * values assemble must emit the very definitions read. Fields the builder calls miss are written
 * with `.asl(...)` and checked again; what still differs is a finding, and no module is written.
 */
export function importModule(sources: readonly ImportSource[]): ImportedModule {
  const findings: ImportFinding[] = [];
  const irs: (WorkflowNode | undefined)[] = sources.map((source) => {
    try {
      return readAsl(source.definition, source.name);
    } catch (error) {
      if (!(error instanceof AslReadError)) throw error;
      findings.push({ origin: source.origin, workflow: source.name, kind: "notAsl", path: error.path, message: error.message });
      return undefined;
    }
  });
  if (findings.length > 0) return { findings };
  let patches = sources.map(() => new Map<string, Patch>());
  for (let pass = 0; pass < 2; pass++) {
    const parts = { namer: new Namer(), imports: new Set<string>() };
    const interfaces: string[] = [];
    const declarations: string[] = [];
    const found: ImportFinding[] = [];
    const next = sources.map((source, i) => {
      const module = { namer: parts.namer, imports: parts.imports, declarations: [], patches: patches[i]! };
      try {
        const written = writeWorkflow(source, irs[i]!, module, interfaces);
        declarations.push(...written.declarations);
        const differences = compareDefinitions(written.asl, source.definition as Record<string, JsonValue>);
        found.push(...differences.problems.map((p) => ({ origin: source.origin, workflow: source.name, kind: "notWritable" as const, ...(p.state ? { state: p.state } : {}), message: p.message })));
        return new Map([...patches[i]!, ...differences.patches]);
      } catch (error) {
        if (!(error instanceof ImportProblem) && !(error instanceof TypeError)) throw error;
        const at = error instanceof ImportProblem && error.state ? { state: error.state } : {};
        found.push({ origin: source.origin, workflow: source.name, kind: "notWritable", ...at, message: error.message });
        return patches[i]!;
      }
    });
    const patched = next.some((p, i) => p.size !== patches[i]!.size);
    if (found.length > 0 || (patched && pass === 1)) return { findings: found.length > 0 ? found : [stillDiffers(sources[0]!)] };
    if (!patched) {
      const text = [importLine(parts.imports), ...interfaces, ...declarations].join("\n\n");
      const kept = sources.flatMap((s) => [...(s.references ?? new Map<string, string>())].filter(([written]) => text.includes(written)).map(([, reference]) => ({ s, reference })));
      if (kept.length > 0) return { findings: kept.map(({ s, reference }) => referenceKept(s, reference)) };
      return { text: `${text}\n`, findings: [] };
    }
    patches = next;
  }
  return { findings: [stillDiffers(sources[0]!)] };
}

/** A Terraform reference the builder calls could only write as text, which Terraform would not read as a reference. */
function referenceKept(source: ImportSource, reference: string): ImportFinding {
  return {
    origin: source.origin,
    workflow: source.name,
    kind: "notWritable",
    message: `the Terraform reference ${reference} is used where Stepwright takes a reference (tf(...)) only for a Lambda function: written as text, Terraform would not resolve it. Write the value, or pass it in the state input`,
  };
}

function stillDiffers(source: ImportSource): ImportFinding {
  return { origin: source.origin, workflow: source.name, kind: "notWritable", message: "the builder calls do not build back to the same definition" };
}
