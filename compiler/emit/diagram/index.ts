import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { dotOf } from "./dot.js";
import { mermaidOf } from "./mermaid.js";
import { renderSvg } from "./svg.js";

export { diagramOf, type Diagram } from "./model.js";
export { dotOf, mermaidOf, renderSvg };

/** A workflow's diagram files: `<name>.mmd` (Mermaid) and `<name>.svg` (Graphviz). */
export async function diagramFiles(workflow: WorkflowNode): Promise<Record<string, string>> {
  return { [`${workflow.name}.mmd`]: mermaidOf(workflow), [`${workflow.name}.svg`]: await renderSvg(dotOf(workflow)) };
}
