import type { JsonPath } from "../data/path-string.js";
import { $$, type ContextObject, rootRef } from "../data/proxy.js";
import { dataOf, isRef, type Ref, type RefBase, type RefData } from "../data/ref.js";

/** A path that is read: a typed path string (`"$.order.id"`) or a selector (`$ => $.order.id`). */
export type Selector<T, R = unknown> = JsonPath<T> | (($: Ref<T>, $$: Ref<ContextObject>) => RefBase<R>);

/** A recorded selector: a path string as written, or the reference a selector returned. */
export type SelectorDraft = string | RefData;

export function recordSelector<T>(selector: Selector<T> | string): SelectorDraft {
  if (typeof selector === "string") return selector;
  const ref = selector(rootRef<T>({ kind: "input" }), $$);
  if (!isRef(ref)) throw new TypeError("a selector must return a field of $ (for example $ => $.order.id)");
  return dataOf(ref);
}

/** Runs a builder against the typed proxies and keeps what it returned (references and literals). */
export function recordBuild<T>(build: ($: any, second: any) => T, second: unknown = $$): T {
  return build(rootRef({ kind: "input" }), second);
}
