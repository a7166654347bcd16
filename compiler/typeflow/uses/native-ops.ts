import { readFileSync } from "node:fs";
import type { Checker, Type, UnionOrIntersectionType } from "typescript/unstable/async";
import { SignatureKind, TypeFlags } from "typescript/unstable/async";
import type { Kind, TypeOps } from "./types.js";

/** The UTF-16 offset of a 1-based line and column, as TypeScript counts positions. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf("\n", offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  return offset + column - 1;
}

/** The read checks' questions, answered by TypeScript 7's native checker (one request per question). */
export function nativeOps(checkerFor: (file: string) => Promise<Checker | undefined>): TypeOps<Type> {
  let checker: Checker | undefined;
  const parts = async (type: Type, of: TypeFlags): Promise<readonly Type[]> => (type.flags & of ? (type as UnionOrIntersectionType).getTypes() : [type]);
  const members = async (type: Type): Promise<Type[]> =>
    type.flags & (TypeFlags.Union | TypeFlags.Intersection) ? (await Promise.all((await parts(type, TypeFlags.Union | TypeFlags.Intersection)).map(members))).flat() : [type];
  const inputOf = async (c: Checker, type: Type): Promise<Type | undefined> => {
    const marker = (await c.getPropertiesOfType(type)).find((p) => p.name.startsWith("__@inType"));
    if (!marker) return undefined;
    const markerType = await c.getTypeOfSymbol(marker);
    const [signature] = markerType ? await c.getSignaturesOfType(markerType, SignatureKind.Call) : [];
    return signature ? c.getParameterType(signature, 0) : undefined;
  };
  const kindOf = async (c: Checker, type: Type): Promise<Kind> => {
    const f = type.flags;
    if (f & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) return "open";
    if (f & TypeFlags.StringLike) return "string";
    if (f & TypeFlags.NumberLike) return "number";
    if (f & TypeFlags.BooleanLike) return "boolean";
    if ((await c.isArrayType(type)) || (await c.isTupleType(type))) return "array";
    return f & (TypeFlags.Object | TypeFlags.Intersection | TypeFlags.NonPrimitive) ? "object" : "other";
  };
  const use = (): Checker => {
    if (!checker) throw new Error("no type at a use was looked up yet");
    return checker;
  };
  const nonNullable = async (type: Type): Promise<Type> => (await use().getNonNullableType(type)) ?? type;
  return {
    async flowingAt(file, line, column) {
      checker = await checkerFor(file);
      if (!checker) return undefined;
      const method = await checker.getTypeAtPosition(file, offsetOf(readFileSync(file, "utf8"), line, column));
      const [signature] = method ? await checker.getSignaturesOfType(method, SignatureKind.Call) : [];
      const count = signature ? (await signature.getParameters()).length : 0;
      // The last marked member of the step parameter: `N & Chainable<Item, ...>` marks both the
      // argument's own input and the one the API hands it; the API's comes last.
      for (let i = 0; i < count; i++) {
        const parameter = await checker.getParameterType(signature!, i);
        const inputs: Type[] = [];
        for (const member of parameter ? await members(parameter) : []) {
          const input = await inputOf(checker, member);
          if (input !== undefined) inputs.push(input);
        }
        if (inputs.length > 0) return inputs.at(-1);
      }
      return undefined;
    },
    async kinds(type) {
      const present = (await parts(type, TypeFlags.Union)).filter((t) => !(t.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)));
      return new Set(await Promise.all(present.map((t) => kindOf(use(), t))));
    },
    async field(type, name) {
      const value = await nonNullable(type);
      const property = await use().getPropertyOfType(value, name);
      if (property) return use().getTypeOfSymbol(property);
      const index = (await use().getIndexInfosOfType(value)).find((info) => info.keyType.flags & TypeFlags.String);
      return index?.valueType;
    },
    async element(type, index) {
      const value = await nonNullable(type);
      if (await use().isTupleType(value)) return (await use().getTypeArguments(value as never))[index];
      if (await use().isArrayType(value)) return (await use().getTypeArguments(value as never))[0];
      return undefined;
    },
    async text(type) {
      return use().typeToString(type);
    },
  };
}
