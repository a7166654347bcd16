import type { QueryLanguage } from "../ir/query-language.js";
import type { RefData, Segment } from "./ref.js";

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

function jsonPathSegment(segment: Segment): string {
  if (typeof segment === "number") return `[${segment}]`;
  if (identifier.test(segment)) return `.${segment}`;
  return `['${segment.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

function jsonataSegment(segment: Segment): string {
  if (typeof segment === "number") return `[${segment}]`;
  if (identifier.test(segment)) return `.${segment}`;
  return `.\`${segment}\``;
}

/** A reference as a JSONPath (`$.order.id`, `$$.Execution.Id`, `$myVar`). */
export function toJsonPath(ref: RefData): string {
  if (ref.written !== undefined) return ref.written + ref.segments.map(jsonPathSegment).join("");
  const root = {
    input: "$",
    result: "$",
    errorOutput: "$",
    context: "$$",
    variable: ref.root.kind === "variable" ? `$${ref.root.name}` : "",
  }[ref.root.kind];
  return root + ref.segments.map(jsonPathSegment).join("");
}

/** A reference as a JSONata expression (`$states.input.order.id`). */
export function toJsonata(ref: RefData): string {
  if (ref.written !== undefined)
    throw new TypeError(`the JSONPath ${ref.written} cannot be read in a JSONata state; use the typed proxy ($states.input...)`);
  const root = {
    input: "$states.input",
    result: "$states.result",
    errorOutput: "$states.errorOutput",
    context: "$states.context",
    variable: ref.root.kind === "variable" ? `$${ref.root.name}` : "",
  }[ref.root.kind];
  return root + ref.segments.map(jsonataSegment).join("");
}

export function renderRef(ref: RefData, language: QueryLanguage): string {
  return language === "JSONata" ? toJsonata(ref) : toJsonPath(ref);
}
