import type { Declarations, Shape } from "../../typeflow/types/shape.js";

/** A shape as a TypeScript type. */
export function typeText(shape: Shape): string {
  switch (shape.kind) {
    case "unknown":
    case "string":
    case "number":
    case "boolean":
      return shape.kind;
    case "literal":
      return JSON.stringify(shape.value);
    case "named":
      return shape.name;
    case "array": {
      const element = typeText(shape.element);
      return shape.element.kind === "union" ? `(${element})[]` : `${element}[]`;
    }
    case "union":
      return shape.members.map(typeText).join(" | ");
    case "object":
      return shape.fields.length === 0 ? "Record<string, never>" : `{ ${shape.fields.map(fieldText).join(" ")} }`;
  }
}

function fieldText(field: { readonly name: string; readonly optional: boolean; readonly shape: Shape }): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(field.name) ? field.name : JSON.stringify(field.name);
  // Under exactOptionalPropertyTypes an optional field may still be written `undefined` (as the source's `?:` allows).
  return `${key}${field.optional ? "?" : ""}: ${typeText(field.shape)}${field.optional ? " | undefined" : ""};`;
}

/** Each named type, declared: an object as an interface, anything else as an alias. */
export function declarationsText(declarations: Declarations): string[] {
  return [...declarations].map(([name, shape]) =>
    shape.kind === "object" ? `export interface ${name} ${typeText(shape)}` : `export type ${name} = ${typeText(shape)};`,
  );
}
