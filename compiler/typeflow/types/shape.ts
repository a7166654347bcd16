import { codePointOrder } from "../../base/order.js";
import type { TypeOps } from "../uses/types.js";

/**
 * A type as generated code writes it: plain data, read from a type checker once (`shapeOf`) and
 * written as TypeScript (`typeText`) and as JSON Schema (`schemaOf`). Named object types (the
 * user's interfaces and aliases) are referred to by name and declared once.
 */
export type Shape =
  | { readonly kind: "unknown" }
  | { readonly kind: "string" | "number" | "boolean" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | { readonly kind: "array"; readonly element: Shape }
  | { readonly kind: "object"; readonly fields: readonly Field[] }
  | { readonly kind: "union"; readonly members: readonly Shape[] }
  | { readonly kind: "named"; readonly name: string };

export interface Field {
  readonly name: string;
  readonly optional: boolean;
  readonly shape: Shape;
}

/** The named object types a set of shapes refers to, each declared once by its name. */
export type Declarations = Map<string, Shape>;

/** How deep a type is followed: a deeper part is written `unknown` (as JSON Schema's `{}`). */
const maxDepth = 16;

/** A name TypeScript prints for an object type that is the user's own (`Order`, not `{ id: string }` or `Array<...>`). */
const plainName = /^[A-Za-z_$][\w$]*$/;
const builtIn = new Set(["Object", "Array", "Promise", "Date", "Record", "Map", "Set", "Function"]);

/**
 * The shape of a type. A named object type goes into `declarations` under its name (a type whose
 * name is declared already is taken to be that type); a union of literals stays a union.
 */
export async function shapeOf<T>(ops: TypeOps<T>, type: T | undefined, declarations: Declarations, depth = 0): Promise<Shape> {
  if (type === undefined || ops.open(type) || depth > maxDepth) return { kind: "unknown" };
  const literals = await ops.literals(type);
  if (literals !== undefined && literals.length > 0) {
    // In a stable order: a checker orders a union's members by when it made them, which differs between checkers.
    const distinct = [...new Set(literals)].sort((a, b) => codePointOrder(JSON.stringify(a), JSON.stringify(b)));
    // `true | false` is `boolean`.
    if (distinct.length === 2 && distinct.every((v) => typeof v === "boolean")) return { kind: "boolean" };
    return distinct.length === 1
      ? { kind: "literal", value: distinct[0]! }
      : { kind: "union", members: distinct.map((value) => ({ kind: "literal", value }) as const) };
  }
  const members = await ops.members(type);
  if (members.length > 1) {
    const shapes = await Promise.all(members.map((m) => shapeOf(ops, m, declarations, depth + 1)));
    return merged(shapes);
  }
  const [kind] = await ops.kinds(type);
  switch (kind) {
    case "string":
    case "number":
    case "boolean":
      return { kind };
    case "array": {
      const element = await ops.element(type, 0);
      return { kind: "array", element: await shapeOf(ops, element, declarations, depth + 1) };
    }
    case "object":
      return objectShape(ops, type, declarations, depth);
    default:
      return { kind: "unknown" };
  }
}

async function objectShape<T>(ops: TypeOps<T>, type: T, declarations: Declarations, depth: number): Promise<Shape> {
  const name = await ops.text(type);
  const named = plainName.test(name) && !builtIn.has(name);
  // A recursive type refers to itself by name (declared once its fields are known).
  if (named && declarations.has(name)) return { kind: "named", name };
  if (named) declarations.set(name, { kind: "unknown" });
  const found = (await ops.fields(type)) ?? [];
  // A declared type keeps the order its fields are written in; a type TypeScript works out (a merge
  // at a ResultPath, an intersection) has them in an order of the checker's making, which differs
  // between checkers: by name, so the file is the same whichever checker wrote it.
  const fields = named ? found : [...found].sort((a, b) => codePointOrder(a.name, b.name));
  const shape: Shape = {
    kind: "object",
    fields: await Promise.all(
      fields.map(async (f) => ({ name: f.name, optional: f.optional, shape: await shapeOf(ops, f.type, declarations, depth + 1) })),
    ),
  };
  if (!named) return shape;
  declarations.set(name, shape);
  return { kind: "named", name };
}

/** A union's members, each once, in a stable order (see literals above); `unknown` absorbs the rest. */
function merged(shapes: readonly Shape[]): Shape {
  if (shapes.some((s) => s.kind === "unknown")) return { kind: "unknown" };
  const seen = new Map<string, Shape>();
  for (const s of shapes.flatMap((s) => (s.kind === "union" ? s.members : [s]))) seen.set(JSON.stringify(s), s);
  const distinct = [...seen].sort(([a], [b]) => codePointOrder(a, b)).map(([, s]) => s);
  return distinct.length === 1 ? distinct[0]! : { kind: "union", members: distinct };
}
