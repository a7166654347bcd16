import { type Diagram, type DiagramNode, diagramOf } from "./model.js";
import { palette, runColors } from "./style.js";

const runStyles = {
  entered: `stroke:${runColors.taken},stroke-width:3px`,
  failed: `fill:${palette.Fail.fill},stroke:${palette.Fail.stroke},stroke-width:4px`,
  "not entered": `fill:#ffffff,stroke:${runColors.faded},color:${runColors.faded}`,
} as const;
import type { WorkflowNode } from "../../../src/ir/workflow.js";

/**
 * Mermaid label text: quotes, markup characters and the backtick (which starts a Markdown string
 * after a quote) as Mermaid's entity codes; line breaks as spaces.
 */
function text(value: string): string {
  return value.replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n|[\r\u2028\u2029]/g, " ");
}

function label(node: DiagramNode): string {
  return node.detail ? `${text(node.label)}<br/><small>${text(node.detail)}</small>` : text(node.label);
}

/** The node in Mermaid's shape syntax: Choice a diamond, Succeed/Fail stadiums, Start/End circles. */
function shape(node: DiagramNode): string {
  const l = `"${label(node)}"`;
  switch (node.kind) {
    case "Choice":
      return `${node.id}{${l}}`;
    case "Succeed":
    case "Fail":
      return `${node.id}([${l}])`;
    case "Wait":
      return `${node.id}{{${l}}}`;
    case "Task":
      return `${node.id}(${l})`;
    case "Start":
    case "End":
      return `${node.id}((" "))`;
    case "Join":
      return `${node.id}((" "))`;
    default:
      return `${node.id}[${l}]`;
  }
}

/**
 * A Mermaid flowchart of the workflow, for READMEs and pull requests. Deterministic.
 * @example const chart = mermaidOf(orders.assemble().ir);
 */
export function mermaidOf(workflow: WorkflowNode): string {
  return renderMermaid(diagramOf(workflow));
}

export function renderMermaid(diagram: Diagram): string {
  const lines = [`---`, `title: ${text(diagram.title)}`, `---`, "flowchart TD"];
  const drawCluster = (parent: string | undefined, indent: string) => {
    for (const node of diagram.nodes.filter((n) => n.cluster === parent)) lines.push(`${indent}${shape(node)}`);
    for (const cluster of diagram.clusters.filter((c) => c.parent === parent)) {
      lines.push(`${indent}subgraph ${cluster.id}["${text(cluster.label)}"]`);
      drawCluster(cluster.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  drawCluster(undefined, "  ");
  for (const edge of diagram.edges) {
    const arrow = edge.kind === "catch" ? "-.->" : edge.kind === "branch" ? "-->" : "-->";
    lines.push(`  ${edge.from} ${arrow}${edge.label ? `|"${text(edge.label)}"|` : ""} ${edge.to}`);
  }
  // Colors by state type, as the console draws them.
  for (const [kind, colors] of Object.entries(palette)) {
    const members = diagram.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    if (members.length === 0) continue;
    lines.push(
      `  classDef sw_${kind.toLowerCase()} fill:${colors.fill},stroke:${colors.stroke},color:${kind === "Start" || kind === "End" ? "#ffffff" : "#16191f"}`,
    );
    lines.push(`  class ${members.join(",")} sw_${kind.toLowerCase()}`);
  }
  const catches = diagram.edges.map((e, i) => (e.kind === "catch" ? i : -1)).filter((i) => i >= 0);
  if (catches.length > 0) lines.push(`  linkStyle ${catches.join(",")} stroke:${palette.Fail.stroke},stroke-dasharray:5 4`);
  // A run drawn on it: entered states outlined, the failed one red, the rest faded; edges taken bold.
  for (const [status, style] of Object.entries(runStyles)) {
    const members = diagram.nodes.filter((n) => n.run?.status === status).map((n) => n.id);
    if (members.length === 0) continue;
    const name = `sw_run_${status.replace(" ", "_")}`;
    lines.push(`  classDef ${name} ${style}`, `  class ${members.join(",")} ${name}`);
  }
  const taken = diagram.edges.map((e, i) => (e.taken ? i : -1)).filter((i) => i >= 0);
  if (taken.length > 0) lines.push(`  linkStyle ${taken.join(",")} stroke:${runColors.taken},stroke-width:3px`);
  for (const cluster of diagram.clusters)
    lines.push(
      `  style ${cluster.id} fill:${cluster.kind === "Branch" ? "#ffffff" : palette.Parallel.fill},stroke:${palette.Parallel.stroke},stroke-dasharray:${cluster.kind === "Branch" ? "3 3" : "0"}`,
    );
  return `${lines.join("\n")}\n`;
}
