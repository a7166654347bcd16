import type { ComparisonOperator, ConditionNode } from "../ir/condition.js";
import type { QueryLanguage } from "../ir/query-language.js";
import { isRef, type RefData, refData, type TypedOperand } from "./ref.js";
import { toJsonata, toJsonPath } from "./render.js";

export type ComparisonKind = "Equals" | "GreaterThan" | "GreaterThanEquals" | "LessThan" | "LessThanEquals" | "Matches";
export type TypeTestOperator = "IsPresent" | "IsNull" | "IsString" | "IsNumeric" | "IsBoolean" | "IsTimestamp";

/** The method a field's reference has for each comparison (`$.total.gt(100)`): what the proxy records, import writes and messages name. */
export const comparisonMethods = {
  Equals: "eq",
  GreaterThan: "gt",
  GreaterThanEquals: "gte",
  LessThan: "lt",
  LessThanEquals: "lte",
  Matches: "matches",
} as const satisfies Record<ComparisonKind, string>;

/** The method for each type test (`$.email.isPresent()`). */
export const typeTestMethods = {
  IsPresent: "isPresent",
  IsNull: "isNull",
  IsString: "isString",
  IsNumeric: "isNumeric",
  IsBoolean: "isBoolean",
  IsTimestamp: "isTimestamp",
} as const satisfies Record<TypeTestOperator, string>;
type Family = "String" | "Numeric" | "Boolean" | "Timestamp";

type ConditionDraft =
  | {
      readonly kind: "compare";
      readonly ref: RefData;
      readonly family: Family;
      readonly comparison: ComparisonKind;
      readonly value: string | number | boolean | RefData;
    }
  | { readonly kind: "test"; readonly ref: RefData; readonly test: TypeTestOperator; readonly expected: boolean }
  | { readonly kind: "and" | "or"; readonly conditions: readonly Condition[] }
  | { readonly kind: "not"; readonly condition: Condition };

/** A Choice rule condition, written with the typed proxy (`$.total.gt(100)`) and `and`/`or`/`not`. */
export class Condition {
  /** @internal */
  constructor(readonly draft: ConditionDraft) {
    Object.freeze(this);
  }
}

export function typeTest(ref: RefData, test: TypeTestOperator, expected = true): Condition {
  return new Condition({ kind: "test", ref, test, expected });
}

function isTypedOperand(value: unknown): value is TypedOperand<"String" | "Boolean" | "Timestamp"> {
  return typeof value === "object" && value !== null && "operandKind" in value;
}

export function compare(ref: RefData, comparison: ComparisonKind, operand: unknown): Condition {
  let family: Family;
  let value: string | number | boolean | RefData;
  if (isTypedOperand(operand)) {
    family = operand.operandKind;
    value = operand.value;
  } else if (isRef(operand)) {
    family = "Numeric";
    value = operand[refData];
  } else if (operand instanceof Date) {
    family = "Timestamp";
    value = operand.toISOString();
  } else if (typeof operand === "number") {
    family = "Numeric";
    value = operand;
  } else if (typeof operand === "boolean") {
    family = "Boolean";
    value = operand;
  } else if (typeof operand === "string") {
    family = "String";
    value = operand;
  } else {
    throw new TypeError(`cannot compare with ${JSON.stringify(operand)}`);
  }
  return new Condition({ kind: "compare", ref, family, comparison, value });
}

/**
 * True when every condition is.
 * @example choice<Order>("Gold and large?").when(($) => and($.customer.tier.eq("gold"), $.total.gt(1000)), review)
 */
export function and(...conditions: Condition[]): Condition {
  return new Condition({ kind: "and", conditions });
}
/**
 * True when any condition is.
 * @example choice<Order>("Worth a look?").when(($) => or($.customer.tier.eq("gold"), $.total.gt(1000)), review)
 */
export function or(...conditions: Condition[]): Condition {
  return new Condition({ kind: "or", conditions });
}
/**
 * True when the condition is not.
 * @example choice<Order>("No email?").when(($) => not($.email.isPresent()), review)
 */
export function not(condition: Condition): Condition {
  return new Condition({ kind: "not", condition });
}

/** The ASL (JSONPath) form of a condition. */
export function toConditionNode(condition: Condition): ConditionNode {
  const d = condition.draft;
  switch (d.kind) {
    case "test":
      return { kind: "comparison", variable: toJsonPath(d.ref), operator: d.test, value: d.expected };
    case "compare": {
      const isPath = typeof d.value === "object";
      const operator = `${d.family}${d.comparison}${isPath ? "Path" : ""}` as ComparisonOperator;
      const value = isPath ? toJsonPath(d.value as RefData) : (d.value as string | number | boolean);
      return { kind: "comparison", variable: toJsonPath(d.ref), operator, value };
    }
    case "and":
    case "or":
      return { kind: d.kind, conditions: d.conditions.map(toConditionNode) };
    case "not":
      return { kind: "not", condition: toConditionNode(d.condition) };
  }
}

const jsonataComparison: Record<Exclude<ComparisonKind, "Matches">, string> = {
  Equals: "=",
  GreaterThan: ">",
  GreaterThanEquals: ">=",
  LessThan: "<",
  LessThanEquals: "<=",
};

/** An ASL glob (`*` wildcard, `\*` literal star) as a JSONata regular expression. */
function globToRegex(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "\\" && glob[i + 1] === "*") {
      out += "\\*";
      i++;
    } else if (c === "*") out += ".*";
    else out += c.replace(/[.+?^${}()|[\]\\/]/g, "\\$&");
  }
  return `/^${out}$/`;
}

function jsonataOperand(value: string | number | boolean | RefData, family: Family): string {
  if (typeof value === "object") return family === "Timestamp" ? `$toMillis(${toJsonata(value)})` : toJsonata(value);
  if (family === "Timestamp") return `$toMillis(${JSON.stringify(value)})`;
  return JSON.stringify(value);
}

/** The body of a JSONata `Condition` (without the `{% %}`), same meaning as the JSONPath rule. */
export function toJsonataCondition(condition: Condition): string {
  const d = condition.draft;
  switch (d.kind) {
    case "test": {
      const x = toJsonata(d.ref);
      const test = {
        IsPresent: `$exists(${x})`,
        IsNull: `(${x} = null)`,
        IsString: `($type(${x}) = "string")`,
        IsNumeric: `($type(${x}) = "number")`,
        IsBoolean: `($type(${x}) = "boolean")`,
        IsTimestamp: `($type(${x}) = "string" and $contains(${x}, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/))`,
      }[d.test];
      return d.expected ? test : `$not(${test})`;
    }
    case "compare": {
      const x = d.family === "Timestamp" ? `$toMillis(${toJsonata(d.ref)})` : toJsonata(d.ref);
      if (d.comparison === "Matches") return `$contains(${x}, ${globToRegex(String(d.value))})`;
      return `(${x} ${jsonataComparison[d.comparison]} ${jsonataOperand(d.value, d.family)})`;
    }
    case "and":
    case "or":
      return `(${d.conditions.map(toJsonataCondition).join(` ${d.kind} `)})`;
    case "not":
      return `$not(${toJsonataCondition(d.condition)})`;
  }
}

export function lowerCondition(condition: Condition, language: QueryLanguage): ConditionNode | string {
  return language === "JSONata" ? `{% ${toJsonataCondition(condition)} %}` : toConditionNode(condition);
}
