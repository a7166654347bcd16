import { dataOf, isRef, type RefBase } from "./ref.js";
import { toJsonata } from "./render.js";

export const jsonataData: unique symbol = Symbol.for("stepwright.jsonata");
declare const jsonataType: unique symbol;

/** A JSONata expression, typed by what it evaluates to. */
export interface JsonataExpr<T> {
  readonly [jsonataType]: T;
  readonly [jsonataData]: string;
}

export function isJsonata(value: unknown): value is JsonataExpr<unknown> {
  return typeof value === "object" && value !== null && jsonataData in value;
}

/**
 * A JSONata expression with typed references spliced in:
 * `` jsonata<number>`${$.price} * ${$.quantity}` `` becomes `{% $states.input.price * $states.input.quantity %}`.
 * @example pass<Order>("With tax").output(($) => ({ total: jsonata<number>`${$.total} * 1.2` }))
 */
export function jsonata<T = unknown>(
  strings: TemplateStringsArray | string,
  ...values: readonly (RefBase<unknown> | JsonataExpr<unknown> | string | number | boolean | null)[]
): JsonataExpr<T> {
  const parts = typeof strings === "string" ? [strings] : strings;
  let text = parts[0] ?? "";
  values.forEach((value, i) => {
    const piece = isRef(value) ? toJsonata(dataOf(value)) : isJsonata(value) ? `(${value[jsonataData]})` : JSON.stringify(value);
    text += piece + (parts[i + 1] ?? "");
  });
  return Object.freeze({ [jsonataData]: text }) as JsonataExpr<T>;
}
