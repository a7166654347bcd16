import { dataOf, isRef, type RefBase, type RefData } from "./ref.js";

export const intrinsicData: unique symbol = Symbol.for("stepwright.intrinsic");
declare const intrinsicType: unique symbol;

export type IntrinsicArg = RefBase<unknown> | Intrinsic<unknown> | string | number | boolean | null;

/** A call to an ASL intrinsic function (`States.Format(...)`), typed by what it returns. */
export interface Intrinsic<T> {
  readonly [intrinsicType]: T;
  /** `written`: the call's text as given to `intrinsic(...)`, rendered as it is. */
  readonly [intrinsicData]: { readonly name: string; readonly args: readonly IntrinsicArg[]; readonly written?: string };
}

export function isIntrinsic(value: unknown): value is Intrinsic<unknown> {
  return typeof value === "object" && value !== null && intrinsicData in value;
}

function call<T>(name: string, args: readonly IntrinsicArg[], written?: string): Intrinsic<T> {
  return Object.freeze({ [intrinsicData]: { name, args, ...(written !== undefined ? { written } : {}) } }) as Intrinsic<T>;
}

type Arg<T> = T | RefBase<T> | Intrinsic<T>;

/** The intrinsic functions of JSONPath workflows, typed. `States.Format("Order {}", $.id)`. */
export const States = {
  /**
   * A string with each `{}` replaced by the next argument.
   * @example pass<Order>("Title").parameters(($) => ({ title: States.Format("Order {}", $.orderId) }))
   */
  Format: (template: string | RefBase<string>, ...args: Arg<unknown>[]) =>
    call<string>("States.Format", [template, ...(args as IntrinsicArg[])]),
  /**
   * The JSON a string holds, parsed.
   * @example pass<{ payload: string }>("Parse").parameters(($) => ({ parsed: States.StringToJson<{ id: string }>($.payload) }))
   */
  // Not declared, the parsed JSON is loose (as an undeclared `$`'s fields are): declare it with the type argument.
  StringToJson: <T = any>(json: Arg<string>) => call<T>("States.StringToJson", [json as IntrinsicArg]),
  /**
   * A value as JSON text.
   * @example pass<Order>("Serialize").parameters(($) => ({ customer: States.JsonToString($.customer) }))
   */
  JsonToString: (value: Arg<unknown>) => call<string>("States.JsonToString", [value as IntrinsicArg]),
  /**
   * An array of the arguments.
   * @example pass<Order>("Pair").parameters(($) => ({ pair: States.Array($.orderId, $.email) }))
   */
  Array: <T = unknown>(...items: Arg<T>[]) => call<T[]>("States.Array", items as IntrinsicArg[]) as Intrinsic<T[]>,
  /**
   * The array cut into chunks of at most `size` items.
   * @example pass<Order>("Chunks").parameters(($) => ({ chunks: States.ArrayPartition($.lines, 10) }))
   */
  ArrayPartition: <T>(array: Arg<readonly T[]>, size: Arg<number>) => call<T[][]>("States.ArrayPartition", [array, size] as IntrinsicArg[]),
  /**
   * Whether the array holds the value.
   * @example pass<{ tags: string[] }>("Urgent?").parameters(($) => ({ urgent: States.ArrayContains($.tags, "urgent") }))
   */
  ArrayContains: <T>(array: Arg<readonly T[]>, value: Arg<T>) => call<boolean>("States.ArrayContains", [array, value] as IntrinsicArg[]),
  /**
   * The numbers from `first` to `last`, `step` apart.
   * @example pass("Pages").parameters(() => ({ pages: States.ArrayRange(1, 9, 2) }))
   */
  ArrayRange: (first: Arg<number>, last: Arg<number>, step: Arg<number>) =>
    call<number[]>("States.ArrayRange", [first, last, step] as IntrinsicArg[]),
  /**
   * The item at an index.
   * @example pass<Order>("First line").parameters(($) => ({ first: States.ArrayGetItem($.lines, 0) }))
   */
  ArrayGetItem: <T>(array: Arg<readonly T[]>, index: Arg<number>) => call<T>("States.ArrayGetItem", [array, index] as IntrinsicArg[]),
  /**
   * How many items the array has.
   * @example pass<Order>("Count").parameters(($) => ({ count: States.ArrayLength($.lines) }))
   */
  ArrayLength: (array: Arg<readonly unknown[]>) => call<number>("States.ArrayLength", [array as IntrinsicArg]),
  /**
   * The array without repeated values.
   * @example pass<{ tags: string[] }>("Dedupe").parameters(($) => ({ tags: States.ArrayUnique($.tags) }))
   */
  ArrayUnique: <T>(array: Arg<readonly T[]>) => call<T[]>("States.ArrayUnique", [array as IntrinsicArg]),
  /**
   * A string in base64.
   * @example pass<Order>("Encode").parameters(($) => ({ encoded: States.Base64Encode($.email) }))
   */
  Base64Encode: (value: Arg<string>) => call<string>("States.Base64Encode", [value as IntrinsicArg]),
  /**
   * A base64 string decoded.
   * @example pass<{ encoded: string }>("Decode").parameters(($) => ({ email: States.Base64Decode($.encoded) }))
   */
  Base64Decode: (value: Arg<string>) => call<string>("States.Base64Decode", [value as IntrinsicArg]),
  /**
   * A value's hash, with the algorithm named.
   * @example pass<Order>("Fingerprint").parameters(($) => ({ hash: States.Hash($.email, "SHA-256") }))
   */
  Hash: (value: Arg<unknown>, algorithm: Arg<"MD5" | "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512">) =>
    call<string>("States.Hash", [value, algorithm] as IntrinsicArg[]),
  /**
   * Two objects merged (the right one's fields win; shallow unless `deep`).
   * @example pass<{ defaults: object; overrides: object }>("Settings").parameters(($) => ({ settings: States.JsonMerge($.defaults, $.overrides) }))
   */
  JsonMerge: <A, B>(left: Arg<A>, right: Arg<B>, deep = false) =>
    call<Omit<A, keyof B> & B>("States.JsonMerge", [left, right, deep] as IntrinsicArg[]),
  /**
   * A random integer from `start` to `end`.
   * @example pass("Jitter").parameters(() => ({ delay: States.MathRandom(1, 30) }))
   */
  MathRandom: (start: Arg<number>, end: Arg<number>, seed?: Arg<number>) =>
    call<number>("States.MathRandom", (seed === undefined ? [start, end] : [start, end, seed]) as IntrinsicArg[]),
  /**
   * The sum of two numbers.
   * @example pass<Order>("Add fee").parameters(($) => ({ total: States.MathAdd($.total, 5) }))
   */
  MathAdd: (a: Arg<number>, b: Arg<number>) => call<number>("States.MathAdd", [a, b] as IntrinsicArg[]),
  /**
   * A string split at a separator.
   * @example pass<Order>("Domain").parameters(($) => ({ parts: States.StringSplit($.email, "@") }))
   */
  StringSplit: (value: Arg<string>, separator: Arg<string>) => call<string[]>("States.StringSplit", [value, separator] as IntrinsicArg[]),
  /**
   * A version 4 UUID.
   * @example pass("Id").parameters(() => ({ requestId: States.UUID() }))
   */
  UUID: () => call<string>("States.UUID", []),
} as const;

/**
 * An intrinsic call written as ASL writes it, rendered exactly so: for text the `States.*` helpers
 * would space or quote otherwise (`States.Format('{}',$.count)`), as `stepwright import` writes it.
 * Its type is what you declare (undeclared, it is loose). JSONPath states only.
 * @example task("Save", dynamodb.putItem("Runs")).parameters(() => ({ Item: { n: { N: intrinsic("States.Format('{}',$.count)") } } }))
 */
export function intrinsic<T = any>(text: string): Intrinsic<T> {
  const name = typeof text === "string" ? /^\s*(States\.\w+)\(.*\)\s*$/s.exec(text)?.[1] : undefined;
  if (name === undefined) throw new TypeError(`intrinsic() takes an intrinsic call, States.Name(...): ${JSON.stringify(text)}`);
  return call<T>(name, [], text);
}

/** Intrinsic string literals are single-quoted; `'`, `{`, `}` and `\` are escaped with a backslash. */
function literal(value: string | number | boolean | null): string {
  if (typeof value !== "string") return JSON.stringify(value);
  return `'${value.replace(/[\\'{}]/g, (c) => `\\${c}`)}'`;
}

/** Renders an intrinsic call as the JSONPath expression ASL expects in a `.$` field. */
export function renderIntrinsic(intrinsic: Intrinsic<unknown>, renderPath: (ref: RefData) => string): string {
  const { name, args, written } = intrinsic[intrinsicData];
  if (written !== undefined) return written;
  const rendered = args.map((arg) => {
    if (isRef(arg)) return renderPath(dataOf(arg));
    if (isIntrinsic(arg)) return renderIntrinsic(arg, renderPath);
    return literal(arg as string | number | boolean | null);
  });
  // States.Format's template is written verbatim: its `{}` placeholders must stay unescaped.
  if (name === "States.Format" && typeof args[0] === "string") {
    rendered[0] = `'${args[0].replace(/[\\']/g, (c) => `\\${c}`)}'`;
  }
  return `${name}(${rendered.join(", ")})`;
}
