import * as dsl from "../../src/index.js";
import type { JsonValue } from "../../src/ir/json.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { emitAsl } from "../emit/asl/index.js";
import { codePointOrder } from "../base/order.js";
import { AslReadError, readAsl } from "../read/asl.js";
import { type Code, json, object } from "./base/code.js";
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

/** One workflow's `const`s (its `workflow(...)` last), and the ASL they build. */
interface Written {
  readonly declarations: readonly string[];
  readonly asl: Record<string, JsonValue>;
}

/** One workflow's steps and its `workflow(...)`, the module's names shared; its types go into `interfaces`. */
function writeWorkflow(
  source: ImportSource,
  ir: WorkflowNode,
  parts: Omit<ModuleParts, "types" | "references">,
  interfaces: string[],
): Written {
  const language = ir.queryLanguage ?? "JSONPath";
  const types = typesOf(ir, parts.namer, source.name, parts.imports);
  const definition = new GraphWriter({ ...parts, types: types.of, references: source.references ?? new Map() }, ir, language).write();
  interfaces.push(...types.declarations);
  const options: [string, Code][] = [["definition", definition]];
  if (ir.comment !== undefined) options.push(["comment", json(ir.comment)]);
  if (ir.queryLanguage !== undefined) options.push(["queryLanguage", json(ir.queryLanguage)]);
  if (ir.timeoutSeconds !== undefined) options.push(["timeoutSeconds", json(ir.timeoutSeconds)]);
  parts.imports.add("workflow");
  const settings = object(options);
  const assembled = dsl.workflow(source.name, settings.value as never).assemble();
  const problem = assembled.problems[0];
  if (problem) throw new ImportProblem(problem.step ?? "", problem.message);
  parts.declarations.push(`export const ${parts.namer.value(source.name)} = workflow(${JSON.stringify(source.name)}, ${settings.text});`);
  return { declarations: parts.declarations, asl: emitAsl(assembled.ir) as Record<string, JsonValue> };
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
  const irs: WorkflowNode[] = [];
  for (const source of sources) {
    try {
      irs.push(readAsl(source.definition, source.name));
    } catch (error) {
      if (!(error instanceof AslReadError)) throw error;
      findings.push({ origin: source.origin, workflow: source.name, kind: "notAsl", path: error.path, message: error.message });
    }
  }
  if (findings.length > 0) return { findings };
  // Written once as builder calls; then, if fields came out otherwise, once more with them as `.asl(...)`.
  let written = writeModule(
    sources,
    irs,
    sources.map(() => new Map()),
  );
  if (written.findings.length === 0 && written.patched) {
    written = writeModule(sources, irs, written.patches);
    if (written.findings.length === 0 && written.patched) return { findings: [stillDiffers(sources[0]!)] };
  }
  if (written.findings.length > 0) return { findings: written.findings };
  const text = written.text;
  const kept = sources.flatMap((s) =>
    [...(s.references ?? new Map<string, string>())]
      .filter(([placeholder]) => text.includes(placeholder))
      .map(([, reference]) => referenceKept(s, reference)),
  );
  return kept.length > 0 ? { findings: kept } : { text, findings: [] };
}

/** The module written with the given `.asl(...)` patches, what its workflows build that differs, and the patches that would mend it. */
function writeModule(
  sources: readonly ImportSource[],
  irs: readonly WorkflowNode[],
  patches: readonly Map<string, Patch>[],
): { text: string; findings: ImportFinding[]; patches: Map<string, Patch>[]; patched: boolean } {
  const parts = { namer: new Namer(), imports: new Set<string>() };
  const interfaces: string[] = [];
  const declarations: string[] = [];
  const findings: ImportFinding[] = [];
  const next = sources.map((source, i) => {
    const module = { namer: parts.namer, imports: parts.imports, declarations: [], patches: patches[i]! };
    try {
      const written = writeWorkflow(source, irs[i]!, module, interfaces);
      declarations.push(...written.declarations);
      const differences = compareDefinitions(written.asl, source.definition as Record<string, JsonValue>);
      findings.push(
        ...differences.problems.map((p) => ({
          origin: source.origin,
          workflow: source.name,
          kind: "notWritable" as const,
          ...(p.state ? { state: p.state } : {}),
          message: p.message,
        })),
      );
      return new Map([...patches[i]!, ...differences.patches]);
    } catch (error) {
      if (!(error instanceof ImportProblem) && !(error instanceof TypeError)) throw error;
      const at = error instanceof ImportProblem && error.state ? { state: error.state } : {};
      findings.push({ origin: source.origin, workflow: source.name, kind: "notWritable", ...at, message: error.message });
      return patches[i]!;
    }
  });
  const text = `${[importLine(parts.imports), ...interfaces, ...declarations].join("\n\n")}\n`;
  return { text, findings, patches: next, patched: next.some((p, i) => p.size !== patches[i]!.size) };
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
  return {
    origin: source.origin,
    workflow: source.name,
    kind: "notWritable",
    message: "the builder calls do not build back to the same definition",
  };
}
