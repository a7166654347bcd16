import type { JsonValue } from "../ir/json.js";
import type { QueryLanguage } from "../ir/query-language.js";
import { type Intrinsic, isIntrinsic, renderIntrinsic, States } from "./intrinsic.js";
import { isJsonata, jsonataData, type JsonataExpr } from "./jsonata.js";
import { dataOf, isRef, type RefBase } from "./ref.js";
import { toJsonata, toJsonPath } from "./render.js";

/**
 * The type a builder's returned object stands for once its references are filled in. A key written
 * as ASL writes it (`"total.$": "$..price"`) is the field `total`, of a type only the data knows.
 */
export type Resolve<B> =
  B extends RefBase<infer T>
    ? T
    : B extends Intrinsic<infer T>
      ? T
      : B extends JsonataExpr<infer T>
        ? T
        : B extends readonly unknown[]
          ? { -readonly [K in keyof B]: Resolve<B[K]> }
          : B extends object
            ? [keyof B & `${string}.$`] extends [never]
              ? { -readonly [K in keyof B]: Resolve<B[K]> }
              : { -readonly [K in keyof B as K extends `${infer Name}.$` ? Name : K]: K extends `${string}.$` ? unknown : Resolve<B[K]> }
            : B;

/** A problem found while turning a builder's object into ASL (reported by the compiler). */
export class TemplateError extends Error {}

function isDynamic(value: unknown): boolean {
  if (isRef(value) || isIntrinsic(value) || isJsonata(value)) return true;
  if (Array.isArray(value)) return value.some(isDynamic);
  if (value && typeof value === "object") return Object.values(value).some(isDynamic);
  return false;
}

function jsonPathExpression(value: unknown): string {
  if (isRef(value)) return toJsonPath(dataOf(value));
  if (isIntrinsic(value)) return renderIntrinsic(value, toJsonPath);
  if (Array.isArray(value)) {
    // A payload template holds paths only as `.$` keys of objects; a bare reference in an array
    // needs States.Array, whose arguments are references and plain values.
    if (value.some((item) => item !== null && typeof item === "object" && !isRef(item) && !isIntrinsic(item))) {
      throw new TemplateError(
        "an array mixing references with objects cannot be written in JSONPath; put each reference in an object field",
      );
    }
    return renderIntrinsic(States.Array(...value), toJsonPath);
  }
  throw new TemplateError("JSONata expressions cannot be used in a JSONPath state; use a reference or States.* intrinsic");
}

/** Objects inside arrays are templates too (`"Entries": [{ "Detail.$": "$" }]`); bare references are not. */
function hasBareReference(array: readonly unknown[]): boolean {
  return array.some((item) => isRef(item) || isIntrinsic(item) || isJsonata(item) || (Array.isArray(item) && isDynamic(item)));
}

/** A payload template for a JSONPath state: dynamic leaves become `"key.$": "<path or intrinsic>"`. */
export function toPayloadTemplate(value: unknown): JsonValue {
  if (isJsonata(value)) throw new TemplateError("a JSONata expression cannot be used in a JSONPath state");
  if (Array.isArray(value)) {
    if (hasBareReference(value)) throw new TemplateError("an array holding references must be a field value (it becomes States.Array)");
    return value.map(toPayloadTemplate);
  }
  if (value === null || typeof value !== "object" || isRef(value) || isIntrinsic(value)) {
    if (isRef(value) || isIntrinsic(value)) throw new TemplateError("a payload template must be an object, not a single reference");
    return value as JsonValue;
  }
  const out: Record<string, JsonValue> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (isRef(field) || isIntrinsic(field) || (Array.isArray(field) && hasBareReference(field))) {
      out[`${key}.$`] = jsonPathExpression(field);
    } else {
      out[key] = toPayloadTemplate(field);
    }
  }
  return out;
}

/** A value for a JSONata state: references become `{% $states.input... %}` expressions. */
export function toJsonataValue(value: unknown): JsonValue {
  if (isRef(value)) return `{% ${toJsonata(dataOf(value))} %}`;
  if (isJsonata(value)) return `{% ${value[jsonataData]} %}`;
  if (isIntrinsic(value)) throw new TemplateError("States.* intrinsics are JSONPath-only; write the JSONata with jsonata`...`");
  if (Array.isArray(value)) return value.map(toJsonataValue);
  if (value && typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = toJsonataValue(field);
    return out;
  }
  return value as JsonValue;
}

export function toTemplate(value: unknown, language: QueryLanguage): JsonValue {
  return language === "JSONata" ? toJsonataValue(value) : toPayloadTemplate(value);
}

/**
 * What a builder may return for a value of type `T`: the value itself, a reference to a `T`,
 * an intrinsic or JSONata expression giving a `T`, or an object/array of those, field by field.
 */
export type Template<T> = unknown extends T
  ? any
  : | RefBase<T>
    | Intrinsic<T>
    | JsonataExpr<T>
    | (T extends readonly (infer E)[] ? readonly Template<E>[] : T extends object ? { [K in keyof T]: Template<T[K]> } : T);
