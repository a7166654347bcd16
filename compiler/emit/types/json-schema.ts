import type { Declarations, Shape } from "../../typeflow/types/shape.js";

/** JSON Schema, draft 2020-12, of a shape: named types under `$defs`, referred to by `$ref`. */
export function jsonSchema(shape: Shape, declarations: Declarations, title: string): Record<string, unknown> {
  const used = new Set<string>();
  const root = schemaOf(shape, declarations, used);
  // Each named type the schema refers to, and those they refer to in turn.
  const defs: Record<string, unknown> = {};
  for (let pending = [...used]; pending.length > 0; pending = [...used].filter((n) => !(n in defs)))
    for (const name of pending) defs[name] = schemaOf(declarations.get(name) ?? { kind: "unknown" }, declarations, used);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
  };
}

function schemaOf(shape: Shape, declarations: Declarations, used: Set<string>): Record<string, unknown> {
  switch (shape.kind) {
    case "unknown":
      return {};
    case "string":
    case "number":
    case "boolean":
      return { type: shape.kind };
    case "literal":
      return { const: shape.value };
    case "named":
      used.add(shape.name);
      return { $ref: `#/$defs/${shape.name}` };
    case "array":
      return { type: "array", items: schemaOf(shape.element, declarations, used) };
    case "union":
      return shape.members.every((m) => m.kind === "literal")
        ? { enum: shape.members.map((m) => (m as { value: unknown }).value) }
        : { anyOf: shape.members.map((m) => schemaOf(m, declarations, used)) };
    case "object": {
      const required = shape.fields.filter((f) => !f.optional).map((f) => f.name);
      return {
        type: "object",
        properties: Object.fromEntries(shape.fields.map((f) => [f.name, schemaOf(f.shape, declarations, used)])),
        ...(required.length > 0 ? { required } : {}),
      };
    }
  }
}
