import { oncePerNode } from "../../src/ir/once-per-node.js";
import type { StateNode } from "../../src/ir/state.js";

/** A string in a state that AWS parses: where it is, and as what. */
export interface Expression {
  /** `path`: a JSONPath; `reference`: a ResultPath (plain names and indexes only); `dynamic`: a `.$` value; `jsonata`: `{% %}`. */
  readonly kind: "path" | "reference" | "dynamic" | "jsonata";
  readonly text: string;
  /** Where in the state, in ASL's words: `InputPath`, `Parameters.id.$`, `Choices[0].Variable`. */
  readonly field: string;
}

/** Fields holding payload templates: their keys are the user's, `.$` marks a dynamic value. */
const templateFields = new Set([
  "parameters",
  "arguments",
  "resultSelector",
  "itemSelector",
  "assign",
  "output",
  "batchInput",
  "credentials",
]);
/** Nested graphs are states of their own; `result` is literal JSON; `resource` is not parsed. */
/** `asl`: fields the user wrote as ASL with `.asl({...})`, which the checks do not read. */
const skipped = new Set([
  "branches",
  "itemProcessor",
  "result",
  "resource",
  "source",
  "name",
  "comment",
  "kind",
  "next",
  "end",
  "default",
  "label",
  "asl",
]);
/** Fail's ErrorPath and CausePath take a path or an intrinsic function (`States.Format(...)`), as a `.$` value does. */
const pathOrIntrinsic = new Set(["errorPath", "causePath"]);

const isJsonata = (text: string) => /^\{%[\s\S]*%\}$/.test(text);
const aslName = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

function inTemplate(value: unknown, field: string, out: Expression[]): void {
  if (typeof value === "string") {
    if (isJsonata(value)) out.push({ kind: "jsonata", text: value, field });
  } else if (Array.isArray(value)) for (const [i, item] of value.entries()) inTemplate(item, `${field}[${i}]`, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.endsWith(".$") && typeof item === "string") out.push({ kind: "dynamic", text: item, field: `${field}.${key}` });
      else inTemplate(item, `${field}.${key}`, out);
    }
  }
}

function inFields(value: unknown, key: string, field: string, out: Expression[]): void {
  if (typeof value === "string") {
    if (isJsonata(value)) out.push({ kind: "jsonata", text: value, field });
    else if (key === "resultPath") out.push({ kind: "reference", text: value, field });
    else if (pathOrIntrinsic.has(key)) out.push({ kind: "dynamic", text: value, field });
    else if (/Path$/.test(key) || key === "variable") out.push({ kind: "path", text: value, field });
  } else if (Array.isArray(value)) for (const [i, item] of value.entries()) inFields(item, key, `${field}[${i}]`, out);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [child, item] of Object.entries(record)) {
      if (skipped.has(child)) continue;
      const childField = `${field}.${aslName(child)}`;
      if (templateFields.has(child)) inTemplate(item, childField, out);
      // A comparison's value is a path only for the ...Path operators.
      else if (child === "value" && typeof record.operator === "string") {
        if (record.operator.endsWith("Path") && typeof item === "string") out.push({ kind: "path", text: item, field: childField });
      } else inFields(item, child, childField, out);
    }
  }
}

/** Every path, `.$` value and JSONata expression a state holds (not those of its nested graphs); found once, as several rules read them. */
export const expressionsOf: (state: StateNode) => readonly Expression[] = oncePerNode((state: StateNode) => {
  const out: Expression[] = [];
  inFields(state, "", "", out);
  return out.map((e) => ({ ...e, field: e.field.replace(/^\./, "") }));
});
