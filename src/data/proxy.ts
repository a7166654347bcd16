import { compare, type ComparisonKind, typeTest } from "../condition.js";
import { type RefBase, type RefData, type RefRoot, refData, type Ref } from "./ref.js";

const typeTests: Record<string, Parameters<typeof typeTest>[1]> = {
  isPresent: "IsPresent",
  isNull: "IsNull",
  isString: "IsString",
  isNumeric: "IsNumeric",
  isBoolean: "IsBoolean",
  isTimestamp: "IsTimestamp",
};
const comparisons: Record<string, ComparisonKind> = {
  eq: "Equals",
  gt: "GreaterThan",
  gte: "GreaterThanEquals",
  lt: "LessThan",
  lte: "LessThanEquals",
  matches: "Matches",
};

/**
 * A recording proxy: `$.order.items[0]` yields a reference whose data is the path walked.
 * Each reference is callable so that an operator name (`$.amount.gt`) can be both a field and an
 * operator: calling it compares the parent, using it as a value refers to a field of that name.
 */
export function makeRef<T>(data: RefData): Ref<T> {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_, key) {
      if (key === refData) return data;
      // Not fields: keep JSON.stringify and `await` from treating a reference as data or a promise.
      if (typeof key === "symbol" || key === "toJSON" || key === "then") return undefined;
      const child = makeRef({ root: data.root, segments: [...data.segments, /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key] });
      return child;
    },
    has(_, key) {
      return key === refData;
    },
    apply(_, __, args: unknown[]) {
      // Called as an operator: the operator name is the last segment; compare the parent.
      const op = data.segments.at(-1);
      const parent: RefData = { root: data.root, segments: data.segments.slice(0, -1) };
      if (typeof op === "string" && op in typeTests) return typeTest(parent, typeTests[op]!);
      if (typeof op === "string" && op in comparisons) return compare(parent, comparisons[op]!, args[0]);
      throw new TypeError(`${String(op)} is not an operator`);
    },
  }) as Ref<T>;
}

export function rootRef<T>(root: RefRoot): Ref<T> {
  return makeRef<T>({ root, segments: [] });
}

/** A reference to a workflow variable set by `.assign(...)` on an earlier step. */
export function variable<T>(name: string): Ref<T> {
  return rootRef<T>({ kind: "variable", name });
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
