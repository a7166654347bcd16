import type { Checker, Type, UnionOrIntersectionType } from "typescript/unstable/async";
import { TypeFlags } from "typescript/unstable/async";

// Type questions both native paths ask (the read checks, the restating): loaded with them, off the
// CLI's critical path.

/** A union's or intersection's members, nested ones flattened; any other type alone. */
export async function flatMembers(type: Type): Promise<Type[]> {
  if (!(type.flags & (TypeFlags.Union | TypeFlags.Intersection))) return [type];
  const parts = (await (type as UnionOrIntersectionType).getTypes()) ?? [];
  return (await Promise.all(parts.map(flatMembers))).flat();
}

/** A type without null and undefined. Only a union can hold them: anything else is its own, and costs no request. */
export async function nonNullableOf(checker: Checker, type: Type): Promise<Type> {
  return type.flags & TypeFlags.Union ? ((await checker.getNonNullableType(type)) ?? type) : type;
}
