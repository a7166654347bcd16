import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type Diagram, type DiagramNode, diagramOf } from "./model.js";
import { palette, runColors } from "./style.js";
import { xmlText } from "./xml.js";

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;

/** Text Graphviz shows: quoted, and `&` written as an entity, since Graphviz reads entities (`&amp;`) in labels. */
const labelText = (value: string) => quote(value.replace(/&/g, "&amp;"));

/**
 * An edge's label as an HTML-like label: a cell with padding around the text, so the layout keeps
 * labels that sit side by side apart (a plain label may touch the next edge's, and a viewer's font
 * wider than Graphviz's estimate then runs one into the other).
 */
const edgeLabel = (value: string) =>
  `<<table border="0" cellborder="0" cellspacing="0" cellpadding="${edgeLabelPadding}"><tr><td>${xmlText(value)}</td></tr></table>>`;

/** Points of space around an edge's label. */
export const edgeLabelPadding = 6;

function nodeLine(node: DiagramNode): string {
  const status = node.run?.status;
  const fill = status === "not entered" ? "#ffffff" : status === "failed" ? palette.Fail.fill : palette[node.kind].fill;
  const stroke =
    status === "not entered"
      ? runColors.faded
      : status === "failed"
        ? palette.Fail.stroke
        : status === "entered"
          ? runColors.taken
          : palette[node.kind].stroke;
  return withRun(shapeLine(node, fill, stroke), status);
}

/** A run's marks on a node: entered states outlined thick, the failed one thicker, the rest in grey text. */
function withRun(line: string, status: NonNullable<DiagramNode["run"]>["status"] | undefined): string {
  if (status === undefined) return line;
  const extra = status === "not entered" ? `fontcolor=${quote(runColors.faded)}` : `penwidth=${status === "failed" ? 4 : 3}`;
  return line.replace(/\];$/, `, ${extra}];`);
}

function shapeLine(node: DiagramNode, fill: string, stroke: string): string {
  const label = node.detail ? `${node.label}\n${node.detail}` : node.label;
  const common = `id=${quote(node.id)}, style="filled${node.kind === "Task" ? ",rounded" : ""}", fillcolor=${quote(fill)}, color=${quote(stroke)}`;
  switch (node.kind) {
    case "Start":
    case "End":
      return `${quote(node.id)} [shape=circle, width=0.25, label="", ${common}];`;
    case "Join":
      return `${quote(node.id)} [shape=point, width=0.12, ${common}];`;
    case "Choice":
      return `${quote(node.id)} [shape=diamond, label=${labelText(label)}, ${common}];`;
    case "Succeed":
    case "Fail":
      return `${quote(node.id)} [shape=box, id=${quote(node.id)}, style="filled,rounded,bold", fillcolor=${quote(fill)}, color=${quote(stroke)}, label=${labelText(label)}];`;
    case "Wait":
      return `${quote(node.id)} [shape=hexagon, label=${labelText(label)}, ${common}];`;
    case "Parallel":
    case "Map":
      return `${quote(node.id)} [shape=box3d, label=${labelText(label)}, ${common}];`;
    default:
      return `${quote(node.id)} [shape=box, label=${labelText(label)}, ${common}];`;
  }
}

/**
 * The workflow in Graphviz DOT: the console's shapes and colors, Parallel and Map as clusters.
 * @example const dot = dotOf(orders.assemble().ir);
 */
export function dotOf(workflow: WorkflowNode): string {
  return renderDot(diagramOf(workflow));
}

/** The id of the diagram's `index`th edge in the DOT, and so in the SVG Graphviz draws. */
export const edgeId = (index: number) => `e${index}`;

export function renderDot(diagram: Diagram): string {
  const lines = [
    `digraph ${quote(diagram.title)} {`,
    `  label=${labelText(diagram.title)}; labelloc=t; fontname="Helvetica,Arial,sans-serif"; rankdir=TB; nodesep=0.8; ranksep=0.5;`,
    `  node [fontname="Helvetica,Arial,sans-serif", fontsize=11, penwidth=1.4, margin="0.3,0.08"];`,
    `  edge [fontname="Helvetica,Arial,sans-serif", fontsize=9, color="#545b64"];`,
  ];
  const drawCluster = (parent: string | undefined, indent: string) => {
    for (const node of diagram.nodes.filter((n) => n.cluster === parent)) lines.push(`${indent}${nodeLine(node)}`);
    for (const cluster of diagram.clusters.filter((c) => c.parent === parent)) {
      const branch = cluster.kind === "Branch";
      lines.push(`${indent}subgraph ${quote(`cluster_${cluster.id}`)} {`);
      lines.push(
        `${indent}  label=${labelText(cluster.label)}; style="${branch ? "dashed" : "filled,rounded"}"; color=${quote(palette.Parallel.stroke)}; fillcolor=${quote(branch ? "#ffffff" : palette.Parallel.fill)};`,
      );
      drawCluster(cluster.id, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  drawCluster(undefined, "  ");
  for (const [index, edge] of diagram.edges.entries()) {
    const attributes = [
      `id=${quote(edgeId(index))}`,
      edge.label ? `label=${edgeLabel(edge.label)}` : "",
      edge.kind === "catch" ? `style=dashed, color=${quote(palette.Fail.stroke)}, fontcolor=${quote(palette.Fail.stroke)}` : "",
      edge.kind === "default" ? "style=bold" : "",
      edge.taken ? `penwidth=3, color=${quote(runColors.taken)}` : "",
    ].filter(Boolean);
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${attributes.length > 0 ? ` [${attributes.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
