import { instance, type Viz } from "@viz-js/viz";
import { edgeId, renderDot } from "./dot.js";
import type { Diagram } from "./model.js";
import { xmlText } from "./xml.js";

let viz: Promise<Viz> | undefined;

/**
 * DOT rendered to SVG by Graphviz compiled to WebAssembly: no browser, same bytes every time.
 * @example const svg = await renderSvg(dotOf(orders.assemble().ir));
 */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= instance();
  return (await viz).renderString(dot, { format: "svg", engine: "dot" });
}

/**
 * A diagram drawn as SVG, each state's and labelled edge's `<title>` (the tooltip a viewer shows)
 * its whole text: where a label is shortened on the picture, the tooltip reads it in full.
 * Graphviz titles them by their ids, which say nothing to a reader.
 */
export async function diagramSvg(diagram: Diagram): Promise<string> {
  const titles = new Map<string, string>();
  for (const node of diagram.nodes)
    if (node.label) titles.set(node.id, node.title ?? (node.detail ? `${node.label}\n${node.detail}` : node.label));
  for (const [index, edge] of diagram.edges.entries()) {
    const title = edge.title ?? edge.label;
    if (title) titles.set(edgeId(index), title);
  }
  const svg = await renderSvg(renderDot(diagram));
  return svg.replace(
    /(<g id="([^"]+)" class="(?:node|edge)">\n<title>)[^<]*(<\/title>)/g,
    (whole, open: string, id: string, close: string) => {
      const title = titles.get(id);
      return title === undefined ? whole : `${open}${xmlText(title)}${close}`;
    },
  );
}
