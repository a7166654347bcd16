import type { StateNode } from "../../../src/ir/state.js";
import type { DataEdge } from "./edges.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { statesOf } from "../../../src/ir/walk.js";
import { type Diagnostic, diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { fieldPath } from "../base/field-path.js";
import { type Arrival, arrivalsOf } from "./arrivals.js";
import { ReadChecker } from "./read-checker.js";
import { type Read, readsOf } from "./reads.js";
import type { TypeOps, Use } from "./types.js";

export type { Use } from "./types.js";

/**
 * Every step that reads its input (a step whose input type is written on its factory,
 * `choice<Order>(...)`, TypeScript checks itself), with every arrival into it.
 */
export function usesOf(
  ir: WorkflowNode,
  edges: readonly DataEdge[],
  declared: (state: StateNode) => boolean = () => false,
  locate: (state: StateNode, read: Read) => Read["sites"] = () => undefined,
): Use[] {
  const into = arrivalsOf(ir, edges);
  const byName = new Map(statesOf(ir).map(({ state }) => [state.name, state]));
  const uses: Use[] = [];
  for (const { state, scope } of statesOf(ir)) {
    const reads = readsOf(state, scope.queryLanguage, { items: true }).map((read) => {
      const sites = locate(state, read);
      return sites ? { ...read, sites } : read;
    });
    const arrivals = into.get(state.name) ?? [];
    if (arrivals.length === 0) continue;
    // A declared input is checked where TypeScript could not check it; its reads come from its type.
    if (declared(state)) {
      const unchecked = arrivals.filter((a) => a.narrowing || untyped(a, byName, declared));
      if (state.source && unchecked.length > 0)
        uses.push({ consumer: state.name, consumerKind: state.kind, reads: [], arrivals: unchecked, site: state.source, declared: true });
      continue;
    }
    if (reads.length === 0) continue;
    uses.push({ consumer: state.name, consumerKind: state.kind, reads, arrivals, ...(state.source ? { site: state.source } : {}) });
  }
  return uses;
}

/**
 * Whether TypeScript may have seen `any` along an arrival, known without asking it: a `.next` on a
 * chain whose first step's input is not written (a chain nested in `.next`, its start declared on
 * its own), or a catcher on a step whose input is not. Along a chain that starts with a declared
 * input TypeScript works every step's output out from it; a Map's items and a Parallel's branches
 * say nothing more of a declared input than TypeScript did.
 */
function untyped(arrival: Arrival, byName: ReadonlyMap<string, StateNode>, declared: (state: StateNode) => boolean): boolean {
  const undeclared = (name: string | undefined) => {
    const state = name === undefined ? undefined : byName.get(name);
    return state !== undefined && !declared(state);
  };
  if (arrival.chainStart !== undefined) return undeclared(arrival.chainStart);
  return arrival.via === "catch" && undeclared(arrival.producerName);
}

/** The files TypeScript is asked about for these uses: their arrivals' sites and those they pass through (each arrival once, however many uses share it). */
export function filesOf(uses: readonly Use[]): string[] {
  const files = new Set<string>();
  const seen = new Set<Arrival>();
  const stack = uses.flatMap((u) => u.arrivals);
  while (stack.length > 0) {
    const arrival = stack.pop()!;
    if (seen.has(arrival)) continue;
    seen.add(arrival);
    if (arrival.site) files.add(arrival.site.file);
    stack.push(...arrival.before);
  }
  return [...files];
}

/**
 * Checks what each step reads (its selectors, conditions and paths, recorded when the workflow was
 * assembled) against the types TypeScript knows where the data reaches it, following the data back
 * through the steps that hand it on. A step written inline is typed by TypeScript already; this
 * checks a step declared on its own, catchers' handlers and loops' back edges, and a declared
 * input where TypeScript could not follow the data to it. One finding per step and field.
 */
export async function checkUses<T>(ops: TypeOps<T>, uses: readonly Use[]): Promise<Diagnostic[]> {
  const checker = new ReadChecker(ops);
  checker.prefetch(uses.flatMap((u) => u.arrivals));
  checker.settle(uses.flatMap((u) => u.arrivals));
  const results = await Promise.all(
    uses.map(async (given) => {
      const use = given.declared ? await checker.withDeclaredReads(given) : await checker.withRequestNeeds(given);
      const verdicts = await Promise.all(
        use.arrivals.flatMap((arrival) =>
          use.reads.map(async (read) => ({
            read,
            verdict: await checker.verdict({ arrival, use, through: [], entry: arrival }, read, new Set([arrival])),
          })),
        ),
      );
      return { use, verdicts };
    }),
  );
  await checker.settled();
  const found = new Map<string, Diagnostic>();
  const undeclared: Diagnostic[] = [];
  for (const { use, verdicts } of results) {
    // A declared input that gets the wrong member of a union (a literal field differs) is told that alone: what else it lacks follows from it.
    const wrongMember = use.declared && verdicts.some(({ read, verdict }) => read.literals && verdict.kind === "finding");
    for (const { read, verdict } of verdicts) {
      if (verdict.kind !== "finding" || (wrongMember && !read.literals)) continue;
      // A declared input's fields below one that is missing all say that one is: once.
      const key = use.declared ? `${use.consumer}\0${verdict.diagnostic.message}` : `${use.consumer}\0${read.path.join(".")}\0${read.what}`;
      if (!found.has(key)) found.set(key, verdict.diagnostic);
    }
    if (!use.declared && verdicts.every(({ verdict }) => verdict.kind === "open")) undeclared.push(declarationNeeded(use));
  }
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
  const arrival = use.arrivals.find((a) => a.site) ?? use.arrivals[0]!;
  const type = neededType(use.reads);
  const factory = {
    Choice: "choice",
    Pass: "pass",
    Wait: "wait",
    Task: "task",
    Map: "map",
    Parallel: "parallel",
    Fail: "fail",
    Succeed: "succeed",
  }[use.consumerKind];
  const where = use.consumerKind === "Task" ? `.parameters<${type}>(...)` : `${factory}<${type}>(${JSON.stringify(use.consumer)}, ...)`;
  return diagnostic(
    flowCodes.undeclaredInput,
    `"${use.consumer}" reads ${use.reads.map((r) => fieldPath(r.path)).join(", ")}, but no type reaches it: ${arrival.producer} gives any. Declare the input where the data enters (the first step, or the Lambda's lambda<In, Out>), or here: ${where}.`,
    arrival.site,
    [arrival.producerName, use.consumer],
  );
}
