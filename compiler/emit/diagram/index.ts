import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { dotOf } from "./dot.js";
import { mermaidOf, renderMermaid } from "./mermaid.js";
import { diagramOf } from "./model.js";
import { runDiagramOf, type RunTrail } from "./run.js";
import { diagramSvg, renderSvg } from "./svg.js";

export { diagramOf, type Diagram } from "./model.js";
export { runDiagramOf, type RunTrail } from "./run.js";
export { diagramSvg, dotOf, mermaidOf, renderSvg };

/** A run drawn on its workflow's diagram, as Mermaid (`mmd`) or SVG. */
export async function runDiagram(workflow: WorkflowNode, trail: RunTrail, format: "mmd" | "svg"): Promise<string> {
  const diagram = runDiagramOf(workflow, trail);
  return format === "mmd" ? renderMermaid(diagram) : diagramSvg(diagram);
}

/**
 * A workflow's diagram files: `<name>.mmd` (Mermaid) and `<name>.svg` (Graphviz).
 * @example const files = await diagramFiles(orders.assemble().ir); // { "orders.mmd": ..., "orders.svg": ... }
 */
export async function diagramFiles(workflow: WorkflowNode): Promise<Record<string, string>> {
  return { [`${workflow.name}.mmd`]: mermaidOf(workflow), [`${workflow.name}.svg`]: await diagramSvg(diagramOf(workflow)) };
}
