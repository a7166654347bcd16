import { ts } from "ts-morph";
import { readableTypes } from "./readable.js";

/** A type as a message shows it: in full, the package's internal types named by what they stand for. */
export function typeWords(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string {
  return readableTypes(
    checker.typeToString(type, at, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType),
  );
}

/** What a field of a primitive type can be compared with, and the operators it has: for a message about a comparison. */
export function operatorsFor(
  checker: ts.TypeChecker,
  type: ts.Type,
  at: ts.Node,
): { kind: string; methods: string; operand: string } | undefined {
  const flags = checker.getNonNullableType(type).getFlags();
  const text = checker.typeToString(checker.getNonNullableType(type), at);
  if (text === "Timestamp")
    return {
      kind: "a timestamp",
      methods: ".eq, .gt, .gte, .lt and .lte",
      operand: "a Date, or timestamp(...) of a string or another timestamp field",
    };
  if (flags & ts.TypeFlags.NumberLike)
    return { kind: "a number", methods: ".eq, .gt, .gte, .lt and .lte", operand: "a number, or another number field" };
  if (flags & ts.TypeFlags.StringLike)
    return {
      kind: "a string",
      methods: ".eq, .gt, .gte, .lt, .lte and .matches",
      operand: "a string, or stringPath(...) of another string field",
    };
  if (flags & ts.TypeFlags.BooleanLike)
    return { kind: "a boolean", methods: ".eq", operand: "true or false, or booleanPath(...) of another boolean field" };
  return undefined;
}
