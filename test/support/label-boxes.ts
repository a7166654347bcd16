import { instance } from "@viz-js/viz";

/** A text Graphviz draws, and the box it takes (Graphviz's coordinates: points, y up). */
export interface LabelBox {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

interface DrawOp {
  readonly op: string;
  readonly pt?: readonly [number, number];
  readonly align?: "l" | "c" | "r";
  readonly width?: number;
  readonly text?: string;
  readonly size?: number;
}
type Drawn = Readonly<Record<string, readonly DrawOp[] | undefined>>;

/**
 * Every text of the layout Graphviz makes of a DOT (the same layout its SVG draws), as boxes: from
 * Graphviz's own JSON rendering, whose text operations carry the width Graphviz measured (by
 * Helvetica's metrics). Each box is `widen` times as wide as measured, for a viewer without
 * Helvetica or Arial whose sans-serif font runs wider than Helvetica's metrics; its
 * height runs from a quarter of the font size below the baseline to 0.8 of it above.
 */
export async function labelBoxes(dot: string, widen = 1.1): Promise<LabelBox[]> {
  const json = (await instance()).renderJSON(dot) as Drawn & { objects?: Drawn[]; edges?: Drawn[] };
  const boxes: LabelBox[] = [];
  for (const item of [json, ...(json.objects ?? []), ...(json.edges ?? [])]) {
    for (const key of ["_ldraw_", "_hldraw_", "_tldraw_"]) {
      let size = 14;
      for (const op of item[key] ?? []) {
        if (op.op === "F" && op.size !== undefined) size = op.size;
        if (op.op !== "T" || !op.pt || op.width === undefined) continue;
        const width = op.width * widen;
        const [x, y] = op.pt;
        const x0 = op.align === "l" ? x : op.align === "r" ? x - width : x - width / 2;
        boxes.push({ text: op.text ?? "", x0, x1: x0 + width, y0: y - size * 0.25, y1: y + size * 0.8 });
      }
    }
  }
  return boxes;
}

/** The pairs of boxes that intersect, as `text <> text`. */
export function overlapping(boxes: readonly LabelBox[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) found.push(`${a.text} <> ${b.text}`);
  return found;
}
