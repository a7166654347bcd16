import type { RestateOps } from "./ops.js";
import type { SyntaxNode } from "./syntax.js";

/** Why a producer's output does not fit a consumer's input, at the first field that explains it. */
export type Mismatch =
  | { readonly kind: "missing"; readonly path: readonly string[]; readonly needed: string }
  | { readonly kind: "type"; readonly path: readonly string[]; readonly needed: string; readonly given: string }
  | { readonly kind: "optional"; readonly path: readonly string[]; readonly needed: string };

/**
 * Walks the consumer's input type field by field against the producer's output and returns the
 * first field that does not fit, or undefined when the producer's output is assignable.
 */
export async function findMismatch<T>(
  ops: RestateOps<T>,
  givenType: T,
  neededType: T,
  at: SyntaxNode,
  path: readonly string[] = [],
): Promise<Mismatch | undefined> {
  const [given, needed] = await Promise.all([ops.unwrapNoInfer(givenType), ops.unwrapNoInfer(neededType)]);
  if (await ops.isAssignable(given, needed)) return undefined;
  const [givenForm, neededForm] = await Promise.all([ops.form(given), ops.form(needed)]);
  // A union fits only if every member does: report the first member that does not.
  if (givenForm.union) {
    for (const member of await ops.unionMembers(given)) {
      const found = await findMismatch(ops, member, needed, at, path);
      if (found) return found;
    }
  }
  if (givenForm.objectLike && neededForm.objectLike && !givenForm.arrayLike && !neededForm.arrayLike) {
    const found = await fieldMismatch(ops, given, needed, at, path);
    if (found) return found;
  }
  if (givenForm.array && neededForm.array) {
    const [givenItem, neededItem] = await Promise.all([ops.element(given), ops.element(needed)]);
    if (givenItem && neededItem) return findMismatch(ops, givenItem, neededItem, at, [...path, "[]"]);
  }
  const [neededText, givenText] = await Promise.all([ops.text(needed, at, "short"), ops.text(given, at, "short")]);
  return { kind: "type", path, needed: neededText, given: givenText };
}

/** The first of the needed type's fields that the given type leaves out, makes optional, or gives as another type. */
async function fieldMismatch<T>(
  ops: RestateOps<T>,
  given: T,
  needed: T,
  at: SyntaxNode,
  path: readonly string[],
): Promise<Mismatch | undefined> {
  for (const field of await ops.properties(needed)) {
    if (field.name.startsWith("__@")) continue;
    const [neededType, givenField] = await Promise.all([field.type(), ops.property(given, field.name)]);
    const fieldPath = [...path, field.name];
    if (!neededType) continue;
    if (!givenField) {
      if (field.optional) continue;
      return { kind: "missing", path: fieldPath, needed: await ops.text(neededType, at, "short") };
    }
    const givenType = await givenField.type();
    if (!givenType) continue;
    // An optional field never fits a required one, whatever its type (even `unknown`): TypeScript checks the modifier.
    if (givenField.optional && !field.optional && (await ops.isAssignable(await ops.nonNullable(givenType), neededType)))
      return { kind: "optional", path: fieldPath, needed: await ops.text(neededType, at, "short") };
    const found = await findMismatch(ops, givenType, neededType, at, fieldPath);
    if (found) return found;
  }
  return undefined;
}
