import type { StateNode } from "../../../src/ir/state.js";
import type { DataEdge } from "../../../src/lower/context.js";
import type { SourceSpan } from "../../../src/ir/source.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { statesOf } from "../../../src/ir/walk.js";
import { type Diagnostic, diagnostic } from "../../diagnostic.js";
import { flowCodes } from "../codes.js";
import { fieldPath } from "../field-path.js";
import { type Read, readsOf } from "./reads.js";
import type { Kind, TypeOps } from "./types.js";

/** A place where a step receives data, and what it reads from it. Plain data: it crosses to the checker's thread. */
export interface Use {
  readonly site: SourceSpan;
  /** The consumer's kind: the declaration a finding suggests is written on its factory. */
  readonly consumerKind: StateNode["kind"];
  /** Where the data comes from, in a message's words: `"GetQuote"`, `Choice "Large?"`. */
  readonly producer: string;
  readonly producerName: string;
  readonly consumer: string;
  readonly reads: readonly Read[];
}

/**
 * Every place a step that reads its input receives data: along `.next`, and along a Choice's rules,
 * where the Choice's own input is what arrives (also looked up where the Choice itself is chained,
 * for a Choice declared before its input was known).
 */
export function usesOf(ir: WorkflowNode, edges: readonly DataEdge[], declared: (state: StateNode) => boolean = () => false): Use[] {
  const scoped = statesOf(ir);
  const states = new Map(scoped.map(({ state }) => [state.name, state]));
  const uses: Use[] = [];
  // A Parallel hands its input to the start of every branch, as it is (unless it filters it).
  const branchEdges = [...states.values()].flatMap((p) =>
    p.kind === "Parallel" && p.inputPath === undefined && p.parameters === undefined
      ? p.branches.flatMap((b) => edges.filter((e) => e.to === p.name).map((e) => ({ edge: e, parallel: p.name, start: b.startAt })))
      : [],
  );
  const into = (name: string) => edges.filter((e) => e.to === name);
  for (const { state, scope } of scoped) {
    const name = state.name;
    const reads = readsOf(state, scope.queryLanguage);
    // A step whose input type is written on its factory (`choice<Order>(...)`) TypeScript checks itself.
    if (reads.length === 0 || declared(state)) continue;
    const seen = new Set<string>();
    const arriving = [
      ...into(name).map((edge) => ({ edge, through: "" })),
      ...branchEdges.filter((b) => b.start === name).map((b) => ({ edge: b.edge, through: ` (through Parallel ${JSON.stringify(b.parallel)})` })),
    ];
    while (arriving.length > 0) {
      const { edge, through } = arriving.shift()!;
      const key = `${edge.source.file}:${edge.source.line}:${edge.source.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = states.get(edge.from);
      const producer = { next: "", rule: "Choice ", item: "each item of Map " }[edge.via] + JSON.stringify(edge.from);
      uses.push({ site: edge.source, producer: `${producer}${through}`, producerName: edge.from, consumer: name, consumerKind: state.kind, reads });
      // A Choice passes its input on as it is (unless it filters it): what reaches it reaches its targets.
      if (edge.via === "rule" && from?.kind === "Choice" && from.inputPath === undefined && from.outputPath === undefined) {
        arriving.push(...into(edge.from).map((e) => ({ edge: e, through: ` (through Choice ${JSON.stringify(edge.from)})${through}` })));
      }
    }
  }
  return uses;
}

const needWords = { number: "a number", string: "a string", boolean: "a boolean", array: "an array" } as const;

function fits(kinds: ReadonlySet<Kind>, need: Read["need"]): boolean {
  if (need === "present" || kinds.has("open")) return true;
  return [...kinds].every((k) => k === need);
}

/** Checks one read against the type at a use: the first field that is missing or of the wrong kind. */
async function checkRead<T>(ops: TypeOps<T>, type: T, read: Read, use: Use): Promise<Diagnostic | undefined> {
  let current = type;
  for (const [i, segment] of read.path.entries()) {
    if (ops.open(current)) return undefined;
    const next = typeof segment === "number" ? await ops.element(current, segment) : await ops.field(current, segment);
    if (next === undefined) {
      const field = fieldPath(read.path.slice(0, i + 1).map(String));
      return diagnostic(flowCodes.missingField, `"${use.consumer}" reads ${field} (${read.what}), but ${use.producer} does not provide it.`, use.site, [use.producerName, use.consumer]);
    }
    current = next;
  }
  // A field whose type is not declared (`unknown`) may be anything: nothing to say of its kind.
  if (read.need === "present" || ops.open(current)) return undefined;
  const kinds = await ops.kinds(current);
  if (fits(kinds, read.need)) return undefined;
  const field = fieldPath(read.path.map(String));
  const given = await ops.text(current);
  return diagnostic(
    flowCodes.wrongFieldType,
    `"${use.consumer}" needs ${field} as ${needWords[read.need]} (${read.what}), but ${use.producer} gives ${given}.`,
    use.site,
    [use.producerName, use.consumer],
  );
}

/**
 * Checks what each step reads (its selectors, conditions and paths, recorded when the workflow was
 * assembled) against the type TypeScript knows where the step receives its data. A step written
 * inline is typed by TypeScript already; this is what checks a step declared on its own, whose
 * input was not known where it was written. One finding per step and field.
 */
export async function checkUses<T>(ops: TypeOps<T>, uses: readonly Use[]): Promise<Diagnostic[]> {
  // All uses at once: the native checker answers over a pipe, and waiting for each answer in turn
  // would cost a round trip per question. The findings are then taken in the uses' order.
  const flowing = await ops.flowingAt(uses.map((u) => u.site));
  const checks = await Promise.all(
    uses.map(async (use, i) => {
      const type = flowing[i];
      if (type === undefined || ops.open(type)) return { use, open: true, findings: [] };
      const findings = await Promise.all(use.reads.map((read) => checkRead(ops, type, read, use).then((d) => ({ read, d }))));
      return { use, open: false, findings };
    }),
  );
  const found = new Map<string, Diagnostic>();
  const unchecked = new Map<string, Use>();
  const checked = new Set<string>();
  for (const { use, open, findings } of checks) {
    if (open) {
      if (!unchecked.has(use.consumer)) unchecked.set(use.consumer, use);
      continue;
    }
    checked.add(use.consumer);
    for (const { read, d } of findings) {
      const key = `${use.consumer}\0${read.path.join(".")}\0${read.what}`;
      if (d && !found.has(key)) found.set(key, d);
    }
  }
  const undeclared = [...unchecked.values()].filter((u) => !checked.has(u.consumer)).map(declarationNeeded);
  return [...found.values(), ...undeclared];
}

/** The type a step's reads need, as a type literal to write: `{ amount: number; listing: { id: unknown } }`. */
export function neededType(reads: readonly Read[]): string {
  interface Node {
    leaf?: string;
    fields: Map<string, Node>;
  }
  const top: Node = { fields: new Map() };
  const leaves = { present: "unknown", number: "number", string: "string", boolean: "boolean", array: "unknown[]" } as const;
  for (const read of reads) {
    let node = top;
    for (const segment of read.path) {
      const key = typeof segment === "number" ? "[]" : segment;
      if (!node.fields.has(key)) node.fields.set(key, { fields: new Map() });
      node = node.fields.get(key)!;
    }
    if (node.leaf === undefined || node.leaf === "unknown") node.leaf = leaves[read.need];
  }
  const write = (node: Node): string => {
    if (node.fields.size === 0) return node.leaf ?? "unknown";
    const items = node.fields.get("[]");
    if (items) return `${write(items)}[]`;
    const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
    return `{ ${[...node.fields].map(([k, v]) => `${key(k)}: ${write(v)}`).join("; ")} }`;
  };
  return write(top);
}

/** A step whose reads meet only `any`: nothing could check them. Say what to declare, and where. */
function declarationNeeded(use: Use): Diagnostic {
  const type = neededType(use.reads);
  const factory = { Choice: "choice", Pass: "pass", Wait: "wait", Task: "task", Map: "map", Parallel: "parallel", Fail: "fail", Succeed: "succeed" }[use.consumerKind];
  const where = use.consumerKind === "Task" ? `.parameters<${type}>(...)` : `${factory}<${type}>(${JSON.stringify(use.consumer)}, ...)`;
  return {
    ...diagnostic(
      flowCodes.undeclaredInput,
      `"${use.consumer}" reads ${use.reads.map((r) => fieldPath(r.path.map(String))).join(", ")}, but no type reaches it: ${use.producer} gives any. Declare the input where the data enters (the first step, or the Lambda's lambda<In, Out>), or here: ${where}.`,
      use.site,
      [use.producerName, use.consumer],
    ),
    severity: "warning",
  };
}
