import type { WorkflowNode } from "../../../src/ir/workflow.ts";
import { dotOf } from "./dot.ts";
import { mermaidOf } from "./mermaid.ts";
import { renderSvg } from "./svg.ts";

export { diagramOf, type Diagram } from "./model.ts";
export { dotOf, mermaidOf, renderSvg };

/** A workflow's diagram files: `<name>.mmd` (Mermaid) and `<name>.svg` (Graphviz). */
export async function diagramFiles(workflow: WorkflowNode): Promise<Record<string, string>> {
  return { [`${workflow.name}.mmd`]: mermaidOf(workflow), [`${workflow.name}.svg`]: await renderSvg(dotOf(workflow)) };
}
