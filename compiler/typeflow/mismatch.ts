import { ts } from "ts-morph";
export { fieldPath } from "./base/field-path.js";

/** Why a producer's output does not fit a consumer's input, at the first field that explains it. */
export type Mismatch =
  | { readonly kind: "missing"; readonly path: readonly string[]; readonly needed: string }
  | { readonly kind: "type"; readonly path: readonly string[]; readonly needed: string; readonly given: string }
  | { readonly kind: "optional"; readonly path: readonly string[]; readonly needed: string };

const maxTypeText = 100;

export function typeText(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string {
  const text = checker.typeToString(type, at, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  return text.length > maxTypeText ? `${text.slice(0, maxTypeText - 1)}…` : text;
}

function isObjectLike(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Object) !== 0 || (type.flags & ts.TypeFlags.Intersection) !== 0;
}

/** `NoInfer<T>` (a substitution type) stands for T. */
function unwrapNoInfer(type: ts.Type): ts.Type {
  return type.flags & ts.TypeFlags.Substitution ? (type as ts.SubstitutionType).baseType : type;
}

/**
 * Walks the consumer's input type field by field against the producer's output and returns the
 * first field that does not fit, or undefined when the producer's output is assignable.
 */
export function findMismatch(
  checker: ts.TypeChecker,
  givenType: ts.Type,
  neededType: ts.Type,
  at: ts.Node,
  path: readonly string[] = [],
): Mismatch | undefined {
  const given = unwrapNoInfer(givenType);
  const needed = unwrapNoInfer(neededType);
  if (checker.isTypeAssignableTo(given, needed)) return undefined;
  // A union fits only if every member does: report the first member that does not.
  if (given.isUnion()) {
    for (const member of given.types) {
      const found = findMismatch(checker, member, needed, at, path);
      if (found) return found;
    }
  }
  if (isObjectLike(given) && isObjectLike(needed) && !checker.isArrayLikeType(given) && !checker.isArrayLikeType(needed)) {
    for (const field of checker.getPropertiesOfType(needed)) {
      const name = field.getName();
      if (name.startsWith("__@")) continue;
      const neededType = checker.getTypeOfSymbolAtLocation(field, at);
      const neededOptional = (field.flags & ts.SymbolFlags.Optional) !== 0;
      const givenField = checker.getPropertyOfType(given, name);
      const fieldPath = [...path, name];
      if (!givenField) {
        if (neededOptional) continue;
        return { kind: "missing", path: fieldPath, needed: typeText(checker, neededType, at) };
      }
      const givenType = checker.getTypeOfSymbolAtLocation(givenField, at);
      // An optional field never fits a required one, whatever its type (even `unknown`): TypeScript checks the modifier.
      if (
        (givenField.flags & ts.SymbolFlags.Optional) !== 0 &&
        !neededOptional &&
        checker.isTypeAssignableTo(checker.getNonNullableType(givenType), neededType)
      ) {
        return { kind: "optional", path: fieldPath, needed: typeText(checker, neededType, at) };
      }
      const found = findMismatch(checker, givenType, neededType, at, fieldPath);
      if (found) return found;
    }
  }
  if (checker.isArrayType(given) && checker.isArrayType(needed)) {
    const [givenItem] = checker.getTypeArguments(given as ts.TypeReference);
    const [neededItem] = checker.getTypeArguments(needed as ts.TypeReference);
    if (givenItem && neededItem) return findMismatch(checker, givenItem, neededItem, at, [...path, "[]"]);
  }
  return { kind: "type", path, needed: typeText(checker, needed, at), given: typeText(checker, given, at) };
}
