import type { RestateOps } from "./ops.js";
import { readableTypes } from "./readable.js";
import type { SyntaxNode } from "./syntax.js";

/** A type as a message shows it: in full, the package's internal types named by what they stand for. */
export async function typeWords<T>(ops: RestateOps<T>, type: T, at: SyntaxNode): Promise<string> {
  return readableTypes(await ops.text(type, at, "full"));
}

/** What a field of a primitive type can be compared with, and the operators it has: for a message about a comparison. */
export async function operatorsFor<T>(
  ops: RestateOps<T>,
  type: T,
  at: SyntaxNode,
): Promise<{ kind: string; methods: string; operand: string } | undefined> {
  const [{ primitive }, text] = await Promise.all([ops.form(type), ops.text(await ops.nonNullable(type), at, "plain")]);
  if (text === "Timestamp")
    return {
      kind: "a timestamp",
      methods: ".eq, .gt, .gte, .lt and .lte",
      operand: "a Date, or timestamp(...) of a string or another timestamp field",
    };
  switch (primitive) {
    case "number":
      return { kind: "a number", methods: ".eq, .gt, .gte, .lt and .lte", operand: "a number, or another number field" };
    case "string":
      return {
        kind: "a string",
        methods: ".eq, .gt, .gte, .lt, .lte and .matches",
        operand: "a string, or stringPath(...) of another string field",
      };
    case "boolean":
      return { kind: "a boolean", methods: ".eq", operand: "true or false, or booleanPath(...) of another boolean field" };
    default:
      return undefined;
  }
}
