/**
 * Diagrams stay readable: no two texts of the picture overlap (by Graphviz's own measure of each
 * text, widened for a viewer's font), for every example and for a generated 200-state workflow of
 * long JSONata conditions, catchers, Maps and Parallels; a label too long to draw is shortened,
 * and the SVG's `<title>` of its edge (the tooltip a viewer shows) holds it whole.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompiledWorkflow } from "stepwright/compiler";
import { diagramFiles, diagramOf, dotOf } from "../../../../compiler/emit/diagram/index.ts";
import { maxEdgeLabel } from "../../../../compiler/emit/diagram/model.ts";
import { readAsl } from "../../../../compiler/read/asl.ts";
import type { WorkflowNode } from "../../../../src/ir/workflow.ts";
import { root } from "../../../support/compile.ts";
import { labelBoxes, overlapping } from "../../../support/label-boxes.ts";

const conditions = [
  "{% $states.input.order.total > 1000 and $states.input.customer.tier = 'gold' and $states.input.country in ['DE', 'FR'] %}",
  "{% $states.input.order.total > 500 and $states.input.customer.tier = 'silver' %}",
  "{% $states.input.order.total > 100 or $states.input.country = 'US' %}",
  "{% $exists($states.input.coupon) and $states.input.coupon.percent > 10 %}",
];

/** A workflow of `size` states: Choices of four long JSONata rules fanning out, Tasks with catchers and retries, Maps, Parallels, Fails. */
function generatedWorkflow(size: number): WorkflowNode {
  const states: Record<string, unknown> = {};
  const name = (i: number) => `Step ${Math.min(i, size - 1)}`;
  const task = { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Arguments: { FunctionName: "work" } };
  for (let i = 0; i < size; i++) {
    const then = i + 1 < size ? { Next: name(i + 1) } : { End: true };
    const kinds: Record<number, () => unknown> = {
      1: () => ({ Type: "Choice", Choices: conditions.map((c, k) => ({ Condition: c, Next: name(i + 1 + k) })), Default: name(i + 1) }),
      2: () => ({
        ...task,
        Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], MaxAttempts: 5 }],
        Catch: [{ ErrorEquals: ["States.TaskFailed", "States.Timeout", "Lambda.ServiceException"], Next: name(i + 2) }],
        ...then,
      }),
      3: () => ({
        Type: "Map",
        Items: "{% $states.input.lines %}",
        ItemProcessor: { StartAt: `Reserve ${i}`, States: { [`Reserve ${i}`]: { ...task, End: true } } },
        ...then,
      }),
      5: () => ({
        Type: "Parallel",
        Branches: [0, 1].map((b) => ({ StartAt: `Notify ${i}.${b}`, States: { [`Notify ${i}.${b}`]: { ...task, End: true } } })),
        ...then,
      }),
    };
    states[name(i)] =
      kinds[i % 6]?.() ??
      (i === size - 2 ? { Type: "Fail", Error: "Order.CouldNotBeShippedBeforeTheDeadlineExpired" } : { Type: "Pass", ...then });
  }
  return readAsl({ QueryLanguage: "JSONata", StartAt: name(0), States: states }, "generated-200");
}

/** Each `<g>` of an SVG that has an id, with its `<title>`, decoded. */
function titlesOf(svg: string): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, unknown>;
      if (typeof element["@_id"] === "string" && element.title !== undefined) titles.set(element["@_id"], String(element.title));
      Object.values(element).forEach(walk);
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg));
  return titles;
}

let workflows: { name: string; ir: WorkflowNode }[];
beforeAll(async () => {
  const examples = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `examples/${f}`);
  const compiled: readonly CompiledWorkflow[] = (
    await compile({ files: examples, cwd: root, region: "us-east-1", account: "123456789012" })
  ).workflows;
  workflows = [...compiled.map((w) => ({ name: w.name, ir: w.ir })), { name: "generated-200", ir: generatedWorkflow(200) }];
}, 240_000);

describe("readable diagrams", () => {
  test("no two texts of the picture overlap, in every example and in a generated 200-state workflow", async () => {
    for (const { name, ir } of workflows) {
      const boxes = await labelBoxes(dotOf(ir));
      const svg = (await diagramFiles(ir))[`${name}.svg`]!;
      // The same layout as the SVG written: as many texts.
      expect(boxes.length, name).toBe(svg.match(/<text /g)?.length);
      expect(overlapping(boxes), name).toEqual([]);
    }
    expect(diagramOf(workflows.at(-1)!.ir).nodes.filter((n) => n.state).length).toBeGreaterThanOrEqual(200);
  }, 120_000);

  test("a long condition is drawn shortened, and its edge's <title> holds it whole", async () => {
    const { ir } = workflows.at(-1)!;
    const diagram = diagramOf(ir);
    const titles = titlesOf((await diagramFiles(ir))["generated-200.svg"]!);
    const labels = diagram.edges.filter((e) => e.label !== undefined);
    expect(labels.every((e) => e.label!.length <= maxEdgeLabel)).toBe(true);
    expect(readFileSync(join(root, "docs/testing.md"), "utf8").replace(/\s+/g, " ")).toContain(`shortened to ${maxEdgeLabel} characters`);
    const first = conditions[0]!.replace(/^\{%\s*|\s*%\}$/g, "");
    const index = diagram.edges.findIndex((e) => e.title === first);
    expect(diagram.edges[index]!.label).toBe(`${first.slice(0, maxEdgeLabel - 1)}…`);
    expect(titles.get(`e${index}`)).toBe(first);
    // A state's tooltip is its name (and its second line), not Graphviz's id for it.
    const fail = diagram.nodes.find((n) => n.kind === "Fail")!;
    expect(titles.get(fail.id)).toBe(`${fail.label}\nOrder.CouldNotBeShippedBeforeTheDeadlineExpired`);
  });
});
