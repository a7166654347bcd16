/**
 * The diagrams against the ASL itself, not against the model both renderers draw from: every state
 * of each example's `.asl.json` is a node (or, for Parallel and Map, a cluster) in the Mermaid graph
 * as Mermaid's own parser reads it, and every Next, Default, Choice and Catch edge between drawn
 * states is an edge there; every state's name is a text of the SVG. Two processes draw the same bytes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Window } from "happy-dom";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompiledWorkflow } from "stepwright/compiler";
import { mermaidOf, renderSvg, dotOf } from "../../../../compiler/emit/diagram/index.ts";
import { root } from "../../../support/compile.ts";

interface ParsedFlowchart {
  vertices: Map<string, { text: string }>;
  edges: { start: string; end: string }[];
  subgraphs: { title: string; nodes: string[] }[];
}
type MermaidApi = {
  parse(text: string): Promise<unknown>;
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{
      db: {
        getVertices(): Map<string, { text: string }>;
        getEdges(): { start: string; end: string }[];
        getSubGraphs(): { title: string; nodes: string[] }[];
      };
    }>;
  };
};

let mermaid: MermaidApi;
let workflows: readonly CompiledWorkflow[];
const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `examples/${f}`);

beforeAll(async () => {
  const window = new Window();
  Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
  mermaid = ((await import("mermaid")) as unknown as { default: MermaidApi }).default;
  ({ workflows } = await compile({ files: examples, cwd: root, region: "us-east-1", account: "123456789012" }));
}, 240_000);

async function parsed(text: string): Promise<ParsedFlowchart> {
  await mermaid.parse(text); // loads the flowchart diagram type, and fails on text it rejects
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  return { vertices: db.getVertices(), edges: db.getEdges(), subgraphs: db.getSubGraphs() };
}

/** A node's state name as drawn: the label before any detail line, Mermaid's entity codes decoded. */
const labelName = (text: string) =>
  text.split(/<br\s*\/?>/i)[0]!.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Every state of the ASL with its kind, and every edge between states of one graph. */
function aslGraph(asl: Record<string, any>): { states: Map<string, string>; edges: [string, string][] } {
  const states = new Map<string, string>();
  const edges: [string, string][] = [];
  const visit = (graph: Record<string, any>) => {
    for (const [name, state] of Object.entries<Record<string, any>>(graph.States)) {
      states.set(name, state.Type);
      const targets = [
        state.Next,
        state.Default,
        ...(state.Choices ?? []).map((c: { Next: string }) => c.Next),
        ...(state.Catch ?? []).map((c: { Next: string }) => c.Next),
      ];
      for (const target of targets) if (typeof target === "string") edges.push([name, target]);
      for (const branch of state.Branches ?? []) visit(branch);
      if (state.ItemProcessor ?? state.Iterator) visit(state.ItemProcessor ?? state.Iterator);
    }
  };
  visit(asl);
  return { states, edges };
}

/** States the diagram labels with a second line: Fail states with an Error, states with a Retry. */
function detailed(asl: Record<string, any>): Set<string> {
  const names = new Set<string>();
  const visit = (graph: Record<string, any>) => {
    for (const [name, state] of Object.entries<Record<string, any>>(graph.States)) {
      if ((state.Type === "Fail" && state.Error) || state.Retry) names.add(name);
      for (const branch of state.Branches ?? []) visit(branch);
      if (state.ItemProcessor ?? state.Iterator) visit(state.ItemProcessor ?? state.Iterator);
    }
  };
  visit(asl);
  return names;
}

describe("diagrams, checked against the ASL", () => {
  test("every state is drawn and every edge between drawn states is an edge, as Mermaid parses it", async () => {
    for (const w of workflows) {
      const asl = JSON.parse(JSON.stringify(w.asl));
      const { states, edges } = aslGraph(asl);
      const withDetail = detailed(asl);
      const flowchart = await parsed(mermaidOf(w.ir));
      const idsByName = new Map<string, string[]>();
      for (const [id, vertex] of flowchart.vertices)
        idsByName.set(labelName(vertex.text), [...(idsByName.get(labelName(vertex.text)) ?? []), id]);
      const clusters = new Set(flowchart.subgraphs.map((s) => labelName(s.title)));
      const clustered = (kind: string | undefined) => kind === "Parallel" || kind === "Map";
      for (const [name, kind] of states) {
        if (clustered(kind)) expect(clusters.has(`${kind}: ${name}`), `${w.name}: cluster ${kind}: ${name}`).toBe(true);
        // A label with a detail line (a Fail's error, a Task's retries) comes back from Mermaid's parser
        // under happy-dom as its last line only; those states are counted, not named.
        else if (!withDetail.has(name)) expect(idsByName.has(name), `${w.name}: node ${name}`).toBe(true);
      }
      expect(flowchart.vertices.size, w.name).toBeGreaterThanOrEqual([...states.values()].filter((k) => !clustered(k)).length);
      const drawn = new Set(flowchart.edges.map((e) => `${e.start}->${e.end}`));
      for (const [from, to] of edges) {
        if (clustered(states.get(from)) || clustered(states.get(to)) || withDetail.has(from) || withDetail.has(to)) continue;
        const found = (idsByName.get(from) ?? []).some((a) => (idsByName.get(to) ?? []).some((b) => drawn.has(`${a}->${b}`)));
        expect(found, `${w.name}: edge ${from} -> ${to}`).toBe(true);
      }
    }
  });

  test("every state's name is a text of the SVG", async () => {
    for (const w of workflows) {
      const svg = await renderSvg(dotOf(w.ir));
      for (const name of aslGraph(JSON.parse(JSON.stringify(w.asl))).states.keys()) {
        const escaped = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
        expect(svg.includes(`>${escaped}</text>`), `${w.name}: ${name}`).toBe(true);
      }
    }
  });

  test("two processes draw the same bytes", async () => {
    const draw = async () => {
      const out = mkdtempSync(join(tmpdir(), "sw-graph-"));
      await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), "graph", ...examples, "--out", out], {
        cwd: root,
        env: { ...process.env, NO_COLOR: "1" },
      });
      return Object.fromEntries(
        readdirSync(out)
          .filter((f) => /\.(mmd|svg)$/.test(f))
          .map((f) => [f, readFileSync(join(out, f), "utf8")]),
      );
    };
    const [first, second] = [await draw(), await draw()];
    expect(Object.keys(first)).toHaveLength(2 * workflows.length);
    expect(second).toEqual(first);
  }, 240_000);
});
