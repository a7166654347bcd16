import { escapeString, objectKey, Raw } from "./hcl.js";

/** A small object on one line, as a function argument. */
export function hclInline(value: Readonly<Record<string, string | Raw>>): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${objectKey(k)} = ${v instanceof Raw ? v.text : `"${escapeString(v)}"`}`).join(", ")} }`;
}
