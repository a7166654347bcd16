/**
 * A run drawn on its workflow: the states entered (how often, with retries), where a failed run
 * stopped, the catcher's edge with the error it caught, the states never entered. The run is
 * scripted by its mocks, so what the picture must say is known before it is drawn; Mermaid's own
 * parser and an XML validator check the files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { Window } from "happy-dom";
import { beforeAll, describe, expect, test } from "vitest";
import { fail, lambda, map, parallel, pass, task, workflow } from "stepwright";
import { testWorkflow } from "stepwright/testing";
import type { Io } from "../../../../compiler/cli/io.ts";
import { runCliCommand } from "../../../../compiler/cli/run.ts";
import { runDiagramOf } from "../../../../compiler/emit/diagram/index.ts";
import { tempProject } from "../../../support/temp-project.ts";

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;
beforeAll(async () => {
  const window = new Window();
  Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
  mermaid = ((await import("mermaid")) as unknown as { default: Mermaid }).default;
});

const validate = task("Validate", lambda<{ id: string }, { id: string }>("validate")).retry({ errors: ["Flaky"], maxAttempts: 2 });
const charge = task("Charge", lambda<{ id: string }, { paid: boolean }>("charge"))
  .resultPath("$.charge")
  .catch("Declined", pass("Refund").next(fail("Failed", { error: "PaymentDeclined" })), { resultPath: "$.error" });
const orders = workflow("orders", { definition: validate.next(charge).next(task("Ship", lambda<unknown, unknown>("ship"))) });

/** Validate fails once with Flaky, then passes; Charge is declined; Ship never runs. */
async function declinedRun() {
  let calls = 0;
  const flaky = () => {
    if (calls++ === 0) throw Object.assign(new Error("try again"), { name: "Flaky" });
    return { id: "o1" };
  };
  return testWorkflow(orders)
    .mock("Validate", flaky)
    .mock("Charge", () => {
      throw Object.assign(new Error("card declined"), { name: "Declined" });
    })
    .mock("Ship", () => ({}))
    .run({ id: "o1" });
}

/** The node ids Mermaid's `class ... name` line gives a class, by the state names in their labels. */
function classMembers(text: string, name: string): string[] {
  const ids = text.match(new RegExp(`^  class (\\S+) ${name}$`, "m"))?.[1]?.split(",") ?? [];
  // A node is defined once, as `id` and its shape's brackets then its quoted label (at any depth of subgraph).
  return ids.map((id) => new RegExp(`^\\s+${id}[({\\[]+"([A-Za-z]+)`, "m").exec(text)![1]!).sort();
}

describe("a run on the diagram", () => {
  test("Mermaid: entered, failed and never-entered states, retries, the caught error on the catcher's edge", async () => {
    const run = await declinedRun();
    expect(run.error?.error).toBe("PaymentDeclined");
    const text = await run.diagram("mmd");
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "flowchart-v2" });
    expect(text).toContain("title: orders (failed at Failed)");
    expect(classMembers(text, "sw_run_entered")).toEqual(["Charge", "Refund", "Validate"]);
    expect(classMembers(text, "sw_run_failed")).toEqual(["Failed"]);
    expect(classMembers(text, "sw_run_not_entered")).toEqual(["Ship"]);
    expect(text).toMatch(/"Validate<br\/><small>↻ up to 2 retries · entered 1× · retried 1×<\/small>"/);
    expect(text).toMatch(/"Failed<br\/><small>PaymentDeclined · entered 1× · failed here<\/small>"/);
    // The catcher's edge is labelled with what it caught, and drawn as taken.
    const edges = text.split("\n").filter((l) => /^  \S+ (-->|-\.->)/.test(l));
    const caught = edges.findIndex((l) => l.includes('-.->|"caught Declined"|'));
    expect(caught).toBeGreaterThanOrEqual(0);
    const taken = text
      .match(/^  linkStyle ([\d,]+) stroke:#2e8540,stroke-width:3px$/m)![1]!
      .split(",")
      .map(Number);
    expect(taken).toContain(caught);
    // Charge → Ship was never taken.
    const toShip = edges.findIndex((l) => l.startsWith(`  ${text.match(/^  (\S+)\("Charge/m)![1]} -->`));
    expect(taken).not.toContain(toShip);
  });

  test("SVG: well-formed, with the same marks", async () => {
    const svg = await (await declinedRun()).diagram("svg");
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const text of ["entered 1× · retried 1×", "failed here", "not entered", "caught Declined"]) expect(svg).toContain(text);
  });

  test("a run that succeeds marks its way to the end", async () => {
    const run = await testWorkflow(orders)
      .mock("Validate", () => ({ id: "o1" }))
      .mock("Charge", () => ({ paid: true }))
      .mock("Ship", () => ({}))
      .run({ id: "o1" });
    const text = await run.diagram("mmd");
    expect(text).toContain("title: orders (succeeded)");
    expect(classMembers(text, "sw_run_not_entered")).toEqual(["Failed", "Refund"]);
    expect(classMembers(text, "sw_run_failed")).toEqual([]);
  });

  test("inside a Map and a Parallel: each item's states entered once per item, every branch entered", async () => {
    const each = map("EachLine", { items: "$.lines", process: task("Reserve", lambda<unknown, { ok: boolean }>("reserve")) }).resultPath(
      "$.reserved",
    );
    const both = parallel("Notify", [task("Email", lambda<unknown, void>("email")), task("Sms", lambda<unknown, void>("sms"))]).resultPath(
      null,
    );
    const lines = workflow("lines", { definition: pass<{ lines: string[] }>("Start").next(each).next(both) });
    const run = await testWorkflow(lines)
      .mock("Reserve", () => ({ ok: true }))
      .mock("Email", () => ({}))
      .mock("Sms", () => ({}))
      .run({ lines: ["a", "b", "c"] });
    expect(run.succeeded).toBe(true);
    const text = await run.diagram("mmd");
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "flowchart-v2" });
    expect(text).toMatch(/"Reserve<br\/><small>entered 3×<\/small>"/);
    expect(classMembers(text, "sw_run_entered")).toEqual(["EachLine", "Email", "Notify", "Reserve", "Sms", "Start"]);
    expect(classMembers(text, "sw_run_not_entered")).toEqual([]);
    // Every edge was taken, into and out of each join too.
    const drawn = runDiagramOf(lines.assemble().ir, run);
    expect(drawn.edges.filter((e) => !e.taken).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    const joins = new Set(drawn.nodes.filter((n) => n.kind === "Join").map((n) => n.id));
    expect(drawn.edges.filter((e) => joins.has(e.from) || joins.has(e.to))).toHaveLength(5); // 1 into EachLine's, 2 into Notify's, 1 out of each
  });

  test("a Map whose item fails: its catcher's edge leaves the join, taken; the edge on to the next state is not", async () => {
    const each = map("EachLine", { items: "$.lines", process: task("Reserve", lambda<unknown, { ok: boolean }>("reserve")) })
      .resultPath("$.reserved")
      .catch("OutOfStock", pass("Backorder"), { resultPath: "$.error" });
    const lines = workflow("lines", { definition: pass<{ lines: string[] }>("Start").next(each).next(pass("Ship")) });
    const run = await testWorkflow(lines)
      .mock("Reserve", () => {
        throw Object.assign(new Error("none left"), { name: "OutOfStock" });
      })
      .run({ lines: ["a"] });
    expect(run.succeeded).toBe(true);
    const drawn = runDiagramOf(lines.assemble().ir, run);
    const name = (id: string) => drawn.nodes.find((n) => n.id === id)!;
    const out = drawn.edges.filter((e) => name(e.from).kind === "Join");
    expect(out.map((e) => [e.kind, name(e.to).label, e.taken === true])).toEqual([
      ["next", "Ship", false],
      ["catch", "Backorder", true],
    ]);
    // The item's last state failed: its edge into the join is not taken.
    expect(drawn.edges.find((e) => name(e.to).kind === "Join")?.taken).toBeUndefined();
  });

  test("stepwright run --diagram writes the picture beside the output; another extension is a usage error", async () => {
    const dir = tempProject({
      "src/w.ts": `import { lambda, task, workflow } from "stepwright";\nexport const w = workflow("w", { definition: task("Hello", lambda<unknown, { hi: string }>("hello")) });\n`,
    });
    const out: string[] = [];
    const io: Io = { cwd: dir, color: false, out: (s) => void out.push(s), err: (s) => void out.push(s) };
    expect(await runCliCommand("src/w.ts", { input: "{}", mock: ['Hello={"hi":"there"}'], diagram: "runs/hello.mmd" }, io)).toBe(0);
    expect(readFileSync(join(dir, "runs/hello.mmd"), "utf8")).toContain("title: w (succeeded)");
    expect(await runCliCommand("src/w.ts", { input: "{}", mock: [], diagram: "run.png" }, io)).toBe(2);
    expect(out.join("")).toContain("--diagram takes a file ending in .svg or .mmd");
  });
});
