/**
 * How a workflow's types are asked of a type checker: every question at once, each asked once, and
 * the named types declared as one question after another would find them (the first of a name is
 * the one declared), whichever answer comes first. A checker made of plain objects answers here,
 * each answer after a delay of its own, in an order that differs from run to run.
 */
import { describe, expect, test } from "vitest";
import type { SourceSpan } from "../../../../src/ir/source.ts";
import { collectTypes } from "../../../../compiler/typeflow/types/collect.ts";
import type { TypesRequest } from "../../../../compiler/typeflow/types/request.ts";
import type { Kind, TypeOps } from "../../../../compiler/typeflow/uses/types.ts";

/** A type as this checker knows it: its name (as TypeScript prints it), its kind, its fields. */
interface Toy {
  readonly text: string;
  readonly kind: Kind;
  readonly fields?: Readonly<Record<string, Toy>>;
}

const string: Toy = { text: "string", kind: "string" };
const number: Toy = { text: "number", kind: "number" };
const object = (text: string, fields: Record<string, Toy>): Toy => ({ text, kind: "object", fields });

/** A seeded sequence of delays (0-3 ms), so that answers come back in another order for each seed. */
function delays(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 4;
  };
}

/** The checker: the types at each site, each answer after a delay; every question it is asked, counted by what it is about. */
function toyChecker(types: Map<SourceSpan, { input?: Toy; output?: Toy; request?: Toy; result?: Toy }>, seed: number) {
  const delay = delays(seed);
  const asked = new Map<string, number>();
  const answer = <R>(question: string, about: unknown, value: R): Promise<R> => {
    const key = `${question} ${JSON.stringify(about)}`;
    asked.set(key, (asked.get(key) ?? 0) + 1);
    return new Promise((resolve) => setTimeout(() => resolve(value), delay()));
  };
  const ops: TypeOps<Toy> = {
    flowingAt: async () => [],
    writtenAt: async () => undefined,
    open: () => false,
    kinds: (t) => answer("kinds", t, new Set([t.kind])),
    field: (t, name) => answer("field", [t, name], t.fields?.[name] && { type: t.fields[name], declared: true, optional: false }),
    members: (t) => answer("members", t, [t]),
    literals: (t) => answer("literals", t, undefined),
    element: (t) => answer("element", t, undefined),
    fields: (t) => answer("fields", t, t.fields && Object.entries(t.fields).map(([name, type]) => ({ name, type, optional: false }))),
    inputOf: (site) => answer("inputOf", site, types.get(site)?.input),
    outputOf: (site) => answer("outputOf", site, types.get(site)?.output),
    requestOf: (site) => answer("requestOf", site, types.get(site)?.request),
    resultOf: (site) => answer("resultOf", site, types.get(site)?.result),
    text: (t) => answer("text", t, t.text),
  };
  return { ops, asked };
}

const at = (line: number): SourceSpan => ({ file: "/app/workflow.ts", line, column: 1 });
const workflowSite = at(1);
const [charge, ship, approve] = [at(2), at(3), at(4)];

// Two types named Order: one in the workflow's input (asked first, but deeper: its answers come
// later) and another, the event Ship's Lambda takes.
const order = object("Order", { id: string, customer: object("Customer", { email: string }) });
const otherOrder = object("Order", { total: number, line: object("Line", { sku: string }) });
const types = new Map([
  [workflowSite, { input: object("Envelope", { order }), output: object("Receipt", { id: string }) }],
  [charge, { request: object("{ id: string; }", { id: string }), result: object("Charge", { chargeId: string }) }],
  [ship, { request: otherOrder, result: object("Shipment", { tracking: string }) }],
  [approve, { result: object("Approval", { approved: string }) }],
]);
const request: TypesRequest = {
  workflow: "orders",
  file: "/app/workflow.ts",
  site: workflowSite,
  express: false,
  steps: [
    { state: "Charge", site: charge, role: "handler" },
    { state: "Ship", site: ship, role: "handler" },
    { state: "Approve", site: approve, role: "token" },
  ],
};

describe("a workflow's types, asked all at once", () => {
  test("the named types are those one question after another finds: the first of a name is declared, and what only another of that name holds is not", async () => {
    const { ops } = toyChecker(types, 1);
    const found = await collectTypes(ops, request);
    expect(found.input).toEqual({ kind: "named", name: "Envelope" });
    expect(found.handlers).toEqual([
      {
        state: "Charge",
        event: { kind: "object", fields: [{ name: "id", optional: false, shape: { kind: "string" } }] },
        result: { kind: "named", name: "Charge" },
      },
      // Ship's Order is taken to be the Order declared already (the input's): its Line is not declared.
      { state: "Ship", event: { kind: "named", name: "Order" }, result: { kind: "named", name: "Shipment" } },
    ]);
    expect(found.callbacks).toEqual([{ state: "Approve", output: { kind: "named", name: "Approval" } }]);
    expect(found.declarations.map(([name]) => name)).toEqual([
      "Approval",
      "Charge",
      "Customer",
      "Envelope",
      "Order",
      "Receipt",
      "Shipment",
    ]);
    expect(new Map(found.declarations).get("Order")).toEqual({
      kind: "object",
      fields: [
        { name: "id", optional: false, shape: { kind: "string" } },
        { name: "customer", optional: false, shape: { kind: "named", name: "Customer" } },
      ],
    });
  });

  test("whichever order the answers come in, the types are the same", async () => {
    const first = await collectTypes(toyChecker(types, 1).ops, request);
    for (const seed of [2, 3, 5, 8, 13, 21, 34, 55]) expect(await collectTypes(toyChecker(types, seed).ops, request)).toEqual(first);
  });

  test("each question is asked once", async () => {
    const { ops, asked } = toyChecker(types, 7);
    await collectTypes(ops, request);
    expect(asked.size).toBeGreaterThan(20);
    expect([...asked].filter(([, times]) => times > 1)).toEqual([]);
  });
});
