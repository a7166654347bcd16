import { instance, type Viz } from "@viz-js/viz";

let viz: Promise<Viz> | undefined;

/**
 * DOT rendered to SVG by Graphviz compiled to WebAssembly: no browser, same bytes every time.
 * @example const svg = await renderSvg(dotOf(orders.assemble().ir));
 */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= instance();
  return (await viz).renderString(dot, { format: "svg", engine: "dot" });
}
