import type { SourceSpan } from "../../../src/ir/source.js";
import type { StateNode } from "../../../src/ir/state.js";
import { anyItem, type Read } from "./reads.js";
import type { StepTexts } from "./step-text.js";

/** How a segment of a read is written in code: `.name` (also in a path string), `[0]`, `["a b"]`. */
function segmentPattern(segment: string | number): string {
  if (typeof segment === "number") return `\\[\\s*${segment}\\s*\\]`;
  const name = segment.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  const quoted = JSON.stringify(segment)
    .slice(1, -1)
    .replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return `(?:[?!]?\\s*\\.\\s*${name}(?![\\w$-])|\\[\\s*["'\`]${quoted}["'\`]\\s*\\])`;
}

/** The segments as code writes them: below an item, `item.value` stands for the item. */
function written(path: readonly (string | number)[]): (string | number)[] {
  const item = path.indexOf(anyItem);
  return item < 0 ? [...path] : ["value", ...path.slice(item + 1)];
}

/**
 * Where each segment of a read is written in the step's own code (`$.charge.chargeId` in its
 * `.parameters(...)`, `"$.lines"` as its items): the longest run of the read's segments found
 * there, first occurrence. A segment not found has no place (the finding stays on the edge).
 */
export function readSites(stepText: StepTexts): (state: StateNode, read: Read) => readonly (SourceSpan | undefined)[] | undefined {
  return (state, read) => {
    const step = stepText(state);
    if (!step) return undefined;
    const segments = written(read.path);
    const offset = read.path.length - segments.length;
    for (let length = segments.length; length > 0; length--) {
      const pattern = new RegExp(
        segments
          .slice(0, length)
          .map((s) => `(${segmentPattern(s)})`)
          .join("\\s*"),
        "d",
      );
      for (const call of step.calls) {
        const match = pattern.exec(call.args);
        if (!match?.indices) continue;
        const sites: (SourceSpan | undefined)[] = read.path.map(() => undefined);
        for (let k = 0; k < length; k++) {
          // The segment's name, past its `.` (or the bracket itself).
          const [start] = match.indices[k + 1]!;
          const text = match[k + 1]!;
          const at = start + (text.match(/^[?!]?\s*\.\s*/)?.[0].length ?? 0);
          sites[offset + k] = step.position(call.argsAt + at);
        }
        return sites;
      }
    }
    return undefined;
  };
}
