import type { Condition } from "./condition.js";

/** Where a reference starts: the state input, the context object, a task's result, a variable. */
export type RefRoot =
  | { readonly kind: "input" }
  | { readonly kind: "context" }
  | { readonly kind: "result" }
  | { readonly kind: "errorOutput" }
  | { readonly kind: "variable"; readonly name: string };

export type Segment = string | number;

/** The runtime content of a reference: a root and the field names/indexes below it. */
export interface RefData {
  readonly root: RefRoot;
  readonly segments: readonly Segment[];
  /** A path written as JSONPath text (`jsonPath("$.detail-type")`): rendered as written, segments after it. */
  readonly written?: string;
}

// The key's type is a symbol no module exports, so the editor cannot name it and never offers it after `$.`.
declare const refDataKey: unique symbol;
export const refData: typeof refDataKey = Symbol.for("stepwright.ref") as typeof refDataKey;
declare const refType: unique symbol;

/** A timestamp string (ISO 8601). Fields of this type get the Timestamp comparison operators. */
export type Timestamp = string & { readonly __timestamp: true };

/** A reference to data of type `T`, written `$.order.id` with the typed proxy. */
export interface RefBase<T> {
  readonly [refType]: T;
  readonly [refDataKey]: RefData;
}

/** A path operand whose kind the runtime cannot see: made by `stringPath`, `booleanPath`, `timestamp`. */
export interface TypedOperand<Kind extends "String" | "Boolean" | "Timestamp"> {
  readonly operandKind: Kind;
  readonly value: RefData | string;
}

/** Type tests exist on every field. */
export interface TypeTests {
  /** `IsPresent: true`; `isPresent(false)` tests that the field is absent (`IsPresent: false`). */
  isPresent(expected?: boolean): Condition;
  isNull(expected?: boolean): Condition;
  isString(expected?: boolean): Condition;
  isNumeric(expected?: boolean): Condition;
  isBoolean(expected?: boolean): Condition;
  isTimestamp(expected?: boolean): Condition;
}
/** Numbers compare with numbers or with another number field (`$.a.gt($.b)`: NumericGreaterThanPath). */
export interface NumberOperators {
  eq(value: number | RefBase<number>): Condition;
  gt(value: number | RefBase<number>): Condition;
  gte(value: number | RefBase<number>): Condition;
  lt(value: number | RefBase<number>): Condition;
  lte(value: number | RefBase<number>): Condition;
}
/** Strings compare with literals, or with another string field through `stringPath($.b)`. */
export interface StringOperators<S extends string> {
  eq(value: S | TypedOperand<"String">): Condition;
  gt(value: string | TypedOperand<"String">): Condition;
  gte(value: string | TypedOperand<"String">): Condition;
  lt(value: string | TypedOperand<"String">): Condition;
  lte(value: string | TypedOperand<"String">): Condition;
  /** Glob match: `*` matches any run of characters (`\\*` for a literal star). */
  matches(pattern: string): Condition;
}
/** Timestamps compare with a `Date`, or with `timestamp("2024-01-01T00:00:00Z")` / `timestamp($.other)`. */
export interface TimestampOperators {
  eq(value: Date | TypedOperand<"Timestamp">): Condition;
  gt(value: Date | TypedOperand<"Timestamp">): Condition;
  gte(value: Date | TypedOperand<"Timestamp">): Condition;
  lt(value: Date | TypedOperand<"Timestamp">): Condition;
  lte(value: Date | TypedOperand<"Timestamp">): Condition;
}
export interface BooleanOperators {
  eq(value: boolean | TypedOperand<"Boolean">): Condition;
}

/** The comparison operators that fit a field's type (none for objects and arrays). */
export type OperatorsFor<T> = unknown extends T
  ? LooseOperators
  : [NonNullable<T>] extends [never]
    ? unknown
    : [NonNullable<T>] extends [Timestamp]
      ? TimestampOperators
      : [NonNullable<T>] extends [number]
        ? NumberOperators
        : [NonNullable<T>] extends [string]
          ? StringOperators<NonNullable<T> & string>
          : [NonNullable<T>] extends [boolean]
            ? BooleanOperators
            : unknown;

// A loose reference's fields are `any` rather than references: under noUncheckedIndexedAccess an
// index signature's value would be `| undefined`, and `$.status.eq(...)` would not compile.
type FieldsOf<T> = unknown extends T
  ? { readonly [field: string]: any }
  : [NonNullable<T>] extends [readonly (infer E)[]]
    ? number extends NonNullable<T>["length"]
      ? { readonly [index: number]: Ref<E> }
      : { readonly [K in keyof NonNullable<T> & `${number}`]: Ref<NonNullable<T>[K]> }
    : [NonNullable<T>] extends [object]
      ? { readonly [K in keyof NonNullable<T> & string]-?: Ref<NonNullable<T>[K] | Extract<T, undefined>> }
      : unknown;

/**
 * Every operator, for a field whose type is not declared (yet): the compiler checks the operator
 * against the type the field has where the step is used.
 */
export interface LooseOperators {
  eq(value: string | number | boolean | Date | RefBase<number> | TypedOperand<"String" | "Boolean" | "Timestamp">): Condition;
  gt(value: string | number | Date | RefBase<number> | TypedOperand<"String" | "Timestamp">): Condition;
  gte(value: string | number | Date | RefBase<number> | TypedOperand<"String" | "Timestamp">): Condition;
  lt(value: string | number | Date | RefBase<number> | TypedOperand<"String" | "Timestamp">): Condition;
  lte(value: string | number | Date | RefBase<number> | TypedOperand<"String" | "Timestamp">): Condition;
  matches(pattern: string): Condition;
}

/**
 * A typed reference: each field is a reference to that field, and the operators that fit its type
 * build Choice conditions. `$ => $.order.total.gt(100)`. Where the type is not declared (yet),
 * `unknown` or `any` (a step written on its own, before it is chained), any field can be read and
 * any operator applied: the compiler checks them where the step is used.
 */
// Not declared (`unknown`), a reference fits wherever a value is taken (an intrinsic's string argument, ...), as its fields do.
export type Ref<T> = RefBase<unknown extends T ? any : T> & TypeTests & OperatorsFor<T> & FieldsOf<T>;

/** The type a reference stands for. */
export type RefValue<R> = R extends RefBase<infer T> ? T : never;

export function isRef(value: unknown): value is RefBase<unknown> {
  return (typeof value === "function" || (typeof value === "object" && value !== null)) && refData in (value as object);
}

/**
 * Another string field, to compare two fields (`StringEqualsPath`).
 * @example choice<{ owner: string; approver: string }>("Self-approved?").when(($) => $.owner.eq(stringPath($.approver)), review)
 */
export function stringPath(ref: RefBase<string | undefined>): TypedOperand<"String"> {
  return { operandKind: "String", value: ref[refData] };
}
/**
 * Another boolean field, to compare two fields (`BooleanEqualsPath`).
 * @example choice<{ paid: boolean; shipped: boolean }>("In step?").when(($) => $.paid.eq(booleanPath($.shipped)), review)
 */
export function booleanPath(ref: RefBase<boolean | undefined>): TypedOperand<"Boolean"> {
  return { operandKind: "Boolean", value: ref[refData] };
}
/**
 * A timestamp literal (ISO 8601) or another Timestamp field, for Timestamp comparisons.
 * @example choice<{ due: Timestamp }>("Overdue?").when(($) => $.due.lt(timestamp("2026-01-01T00:00:00Z")), review)
 */
export function timestamp(value: string | Date | RefBase<Timestamp | undefined>): TypedOperand<"Timestamp"> {
  if (value instanceof Date) return { operandKind: "Timestamp", value: value.toISOString() };
  return { operandKind: "Timestamp", value: typeof value === "string" ? value : value[refData] };
}

export function dataOf(ref: RefBase<unknown>): RefData {
  return ref[refData];
}
