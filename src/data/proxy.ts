import { compare, comparisonMethods, typeTest, typeTestMethods } from "./condition.js";
import { type RefBase, type RefData, type RefRoot, refData, type Ref } from "./ref.js";

/** The proxy's methods, by the name a user calls: the inverse of the tables in condition.ts. */
const inverse = <K extends string>(table: Readonly<Record<K, string>>): Record<string, K> =>
  Object.fromEntries(Object.entries(table).map(([kind, name]) => [name, kind])) as Record<string, K>;
const typeTests = inverse(typeTestMethods);
const comparisons = inverse(comparisonMethods);

/**
 * A recording proxy: `$.order.items[0]` yields a reference whose data is the path walked.
 * Each reference is callable so that an operator name (`$.amount.gt`) can be both a field and an
 * operator: calling it compares the parent, using it as a value refers to a field of that name.
 */
export function makeRef<T>(data: RefData): Ref<T> {
  const target = (() => {}) as unknown as object;
  return new Proxy(target, {
    get(_, key) {
      if (key === refData) return data;
      // Not fields: keep JSON.stringify and `await` from treating a reference as data or a promise.
      if (typeof key === "symbol" || key === "toJSON" || key === "then") return undefined;
      const segment = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
      const child = makeRef({ ...data, segments: [...data.segments, segment] });
      return child;
    },
    has(_, key) {
      return key === refData;
    },
    apply(_, __, args: unknown[]) {
      // Called as an operator: the operator name is the last segment; compare the parent.
      const op = data.segments.at(-1);
      const parent: RefData = { ...data, segments: data.segments.slice(0, -1) };
      if (typeof op === "string" && op in typeTests)
        return typeTest(parent, typeTests[op]!, args[0] === undefined ? true : args[0] === true);
      if (typeof op === "string" && op in comparisons) return compare(parent, comparisons[op]!, args[0]);
      throw new TypeError(`${String(op)} is not an operator`);
    },
  }) as Ref<T>;
}

export function rootRef<T>(root: RefRoot): Ref<T> {
  return makeRef<T>({ root, segments: [] });
}

/**
 * A reference to a workflow variable set by `.assign(...)` on an earlier step.
 * @example pass("Use").parameters(() => ({ orderId: variable<string>("orderId") }))
 */
export function variable<T>(name: string): Ref<T> {
  return rootRef<T>({ kind: "variable", name });
}

/**
 * A reference written as a JSONPath string, for what the typed proxy does not write: deep scans,
 * filters and wildcards (`$..price`, `$.items[?(@.qty > 1)]`), or a name with dashes written dotted
 * (`$.detail-type`, which the proxy writes `$['detail-type']`). It is rendered exactly as written;
 * its type is what you declare (undeclared, it is loose, as the fields of an undeclared `$` are). JSONPath states only.
 * @example choice("Kind?").when(() => jsonPath<string>("$.detail-type").eq("Object Created"), review)
 */
export function jsonPath<T = any>(path: string): Ref<T> {
  if (typeof path !== "string" || !path.startsWith("$"))
    throw new TypeError(`jsonPath() takes a JSONPath starting with $: ${JSON.stringify(path)}`);
  const root: RefRoot = path.startsWith("$$")
    ? { kind: "context" }
    : /^\$[A-Za-z_]/.test(path)
      ? { kind: "variable", name: /^\$(\w+)/.exec(path)![1]! }
      : { kind: "input" };
  return makeRef<T>({ root, segments: [], written: path });
}

/** The Step Functions context object, typed. `$$.Execution.Id`, `$$.Task.Token`, `$$.Map.Item.Value`. */
export interface ContextObject {
  Execution: { Id: string; Input: unknown; Name: string; RoleArn: string; StartTime: string; RedriveCount: number };
  State: { EnteredTime: string; Name: string; RetryCount: number };
  StateMachine: { Id: string; Name: string };
  Task: { Token: string };
  Map: { Item: { Index: number; Value: unknown } };
}

export const $$: Ref<ContextObject> = rootRef<ContextObject>({ kind: "context" });

export type { RefBase };
