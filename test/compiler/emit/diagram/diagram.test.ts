import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Window } from "happy-dom";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { choice, lambda, pass, succeed, task, wait, workflow } from "stepwright";
import { compile, type CompiledWorkflow } from "stepwright/compiler";
import { diagramOf, dotOf, mermaidOf, renderSvg } from "../../../../compiler/emit/diagram/index.ts";
import { root } from "../../../support/compile.ts";

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;
let workflows: readonly CompiledWorkflow[];

beforeAll(async () => {
  // Mermaid's own parser needs a DOM (for its sanitizer): happy-dom provides one.
  const window = new Window();
  Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
  mermaid = ((await import("mermaid")) as unknown as { default: Mermaid }).default;
  const examples = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `examples/${f}`);
  ({ workflows } = await compile({ files: examples, cwd: root, region: "us-east-1", account: "123456789012" }));
}, 240_000);

/** Every `<text>` of an SVG, decoded. */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text")
          for (const t of [value].flat())
            texts.push(typeof t === "object" ? String((t as { "#text"?: unknown })["#text"] ?? "") : String(t));
        else walk(value);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(svg));
  return texts;
}

describe("diagrams of every example", () => {
  test("the Mermaid flowchart parses with Mermaid's own parser and names every state", async () => {
    for (const w of workflows) {
      const text = mermaidOf(w.ir);
      await expect(mermaid.parse(text), w.name).resolves.toMatchObject({ diagramType: "flowchart-v2" });
      for (const node of diagramOf(w.ir).nodes.filter((n) => n.label))
        expect(text).toContain(`"${node.label.replace(/[#"<>&]/g, (c) => `#${c.charCodeAt(0)};`)}`);
    }
  });

  test("the SVG is well-formed XML with every state name and one drawn edge per edge", async () => {
    for (const w of workflows) {
      const diagram = diagramOf(w.ir);
      const svg = await renderSvg(dotOf(w.ir));
      expect(XMLValidator.validate(svg), w.name).toBe(true);
      const texts = svgTexts(svg);
      for (const node of diagram.nodes.filter((n) => n.label)) expect(texts, `${w.name}: ${node.label}`).toContain(node.label);
      expect(svg.match(/<g id="e\d+" class="edge">/g)?.length, w.name).toBe(diagram.edges.length);
    }
  });

  test("the same workflow draws byte-identical files", async () => {
    const w = workflows[0]!;
    expect(mermaidOf(w.ir)).toBe(mermaidOf(w.ir));
    expect(await renderSvg(dotOf(w.ir))).toBe(await renderSvg(dotOf(w.ir)));
  });

  test("a screenshot: the order example's SVG renders to a PNG (test/output/order-processing.png, to look at)", async () => {
    const w = workflows.find((x) => x.name === "order-processing")!;
    const png = new Resvg(await renderSvg(dotOf(w.ir)), { background: "white", fitTo: { mode: "zoom", value: 1.5 } }).render();
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(600);
    mkdirSync(join(root, "test/output"), { recursive: true });
    writeFileSync(join(root, "test/output/order-processing.png"), png.asPng());
  });
});

describe("what the shapes and edges say", () => {
  const poll = task("Poll", lambda<unknown, { done: boolean }>("poll"))
    .retry({ errors: ["States.Timeout"], maxAttempts: 2 })
    .catch(["States.ALL"], succeed("GaveUp"));
  const w = workflow("shapes", {
    definition: poll.next(
      choice<{ done: boolean }>("Done?")
        .when(($) => $.done.eq(true), succeed("Finished"))
        .otherwise(wait("Later", { seconds: 5 }).next(poll)),
    ),
  });
  const { ir } = w.assemble();

  test("Choice is a diamond, Succeed a stadium, Wait a hexagon; a Task shows its retry", () => {
    const text = mermaidOf(ir);
    expect(text).toMatch(/s\d+\{"Done\?"\}/);
    expect(text).toMatch(/s\d+\(\["Finished"\]\)/);
    expect(text).toMatch(/s\d+\{\{"Later"\}\}/);
    expect(text).toContain('"Poll<br/><small>↻ up to 2 retries</small>"');
  });

  test("catch edges are dashed and labeled with their errors; rules with their condition; the loop is drawn", () => {
    const diagram = diagramOf(ir);
    const id = (label: string) => diagram.nodes.find((n) => n.label === label)!.id;
    expect(diagram.edges).toEqual(
      expect.arrayContaining([
        { from: id("Poll"), to: id("GaveUp"), kind: "catch", label: "States.ALL" },
        { from: id("Done?"), to: id("Finished"), kind: "choice", label: "$.done == true" },
        { from: id("Done?"), to: id("Later"), kind: "default", label: "otherwise" },
        { from: id("Later"), to: id("Poll"), kind: "next" },
      ]),
    );
    expect(dotOf(ir)).toMatch(/-> "s\d+" \[id="e\d+", label=<.*>States.ALL<.*>, style=dashed/);
  });

  test("labels with quotes, markup and newlines are escaped for Mermaid and DOT", async () => {
    const odd = workflow("odd", { definition: pass('Say "hi" <b>#1</b>\\ & ${x}') });
    const { ir: oddIr } = odd.assemble();
    await expect(mermaid.parse(mermaidOf(oddIr))).resolves.toBeTruthy();
    const svg = await renderSvg(dotOf(oddIr));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svgTexts(svg)).toContain('Say "hi" <b>#1</b>\\ & ${x}');
  });
});

// Any text a state name may hold (no control characters, in NFC, well-formed: the rules say so of
// the others), with every character Mermaid, DOT and XML treat specially.
const nameText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        '"',
        "#",
        "<",
        ">",
        "&",
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        "|",
        "`",
        ";",
        ":",
        "\\",
        "%%",
        "-->",
        "é",
        "😀",
        "\u200B",
        "\u2028",
        "&amp;",
        "#quot;",
      ),
      fc.string({ unit: "grapheme", maxLength: 2 }),
    ),
    minLength: 1,
    maxLength: 16,
  })
  .filter((s) => s === s.normalize("NFC") && !/[\u0000-\u001F\u007F-\u009F]/.test(s) && s.trim() !== "");

describe("diagrams of any name", () => {
  test("Mermaid parses the flowchart and the SVG is well-formed XML naming the state, whatever the name holds", async () => {
    await fc.assert(
      fc.asyncProperty(nameText, async (name) => {
        const { ir, problems } = workflow("any", { definition: pass(name).next(succeed(`${name} done`)) }).assemble();
        if (problems.length > 0) return;
        await expect(mermaid.parse(mermaidOf(ir))).resolves.toMatchObject({ diagramType: "flowchart-v2" });
        const svg = await renderSvg(dotOf(ir));
        expect(XMLValidator.validate(svg)).toBe(true);
        // The XML reader trims each text's ends (a line separator there included).
        expect(svgTexts(svg)).toContain(name.trim());
      }),
      { numRuns: 40 },
    );
  }, 900_000);
});
