import { comparisonMethods } from "../../../src/data/condition.js";
import type { ConditionNode } from "../../../src/ir/condition.js";
import type { JsonValue } from "../../../src/ir/json.js";
import type { SourceSpan } from "../../../src/ir/source.js";
import type { MapNode } from "../../../src/ir/map.js";
import type { StateNode } from "../../../src/ir/state.js";
import { pathSegmentsOf } from "../../asl/path-segments.js";

/** What a read needs the field to be: there at all, or of a kind an operator or a field requires. */
export type Need = "present" | "number" | "string" | "boolean" | "array";

/** One field a state reads from its input: where (field names, indexes, `anyItem`), what for, what it must be. */
export interface Read {
  readonly path: readonly (string | number)[];
  readonly need: Need;
  /** The use in the user's words: `.gt(...)`, `parameters.id`, `items`. */
  readonly what: string;
  /** Where each segment is written in the step's code, where it could be found (see read-sites.ts). */
  readonly sites?: readonly (SourceSpan | undefined)[];
  /** For a Task's Parameters: where in the request the value read goes (`["Item", "total", "N"]`), so its type can say what the field must be. */
  readonly request?: readonly (string | number)[];
  /** A type test (`IsPresent`, `IsString`, ...), read only where asked for (`{ tests: true }`): it holds of an absent field too. */
  readonly test?: true;
  /**
   * How many leading segments an earlier `IsPresent: true` in the same And tests (the guard idiom:
   * `and($.a.isPresent(), $.a.s.eq("x"))`): the read runs only where they are there.
   */
  readonly guarded?: number;
  /** A read of a step's declared input (see `Use.declared`): the declared type's text at each segment, for messages (`needs input.a (string)`). */
  readonly declared?: readonly string[];
  /** The values the field must have, where a literal type is declared there (`kind: "card"`). */
  readonly literals?: readonly (string | number | boolean)[];
}

/** `$.a.b[0]['c d']` as segments; undefined for what is not a plain path (filters, wildcards, `$$`, slices). */
export const pathSegments = (path: string) => pathSegmentsOf(path, "identifier");

const operatorNeeds: readonly [RegExp, Need][] = [
  [/^String/, "string"],
  [/^Numeric/, "number"],
  [/^Boolean/, "boolean"],
  [/^Timestamp/, "string"],
];

/** How the DSL wrote an operator (`NumericGreaterThanPath` → `.gt(...)`), for messages. */
function operatorWords(operator: string): string {
  const words: Record<string, string> = comparisonMethods;
  const name = operator.replace(/^(String|Numeric|Boolean|Timestamp)/, "").replace(/Path$/, "");
  return `.${words[name] ?? name}(...)`;
}

function conditionReads(condition: ConditionNode, into: Read[], tests: boolean): void {
  if (condition.kind === "or") {
    for (const c of condition.conditions) conditionReads(c, into, tests);
    return;
  }
  if (condition.kind === "and") {
    andReads(condition.conditions, into, tests);
    return;
  }
  if (condition.kind === "not") {
    conditionReads(condition.condition, into, tests);
    return;
  }
  // Type tests (IsPresent, IsNumeric, ...) ask what the field is: any field, there or not, may be tested.
  const need = operatorNeeds.find(([pattern]) => pattern.test(condition.operator))?.[1];
  if (!need) {
    const variable = tests ? pathSegments(condition.variable) : undefined;
    if (variable)
      into.push({
        path: variable,
        need: "present",
        what: `.${condition.operator.charAt(0).toLowerCase()}${condition.operator.slice(1)}()`,
        test: true,
      });
    return;
  }
  const what = operatorWords(condition.operator);
  const variable = pathSegments(condition.variable);
  if (variable) into.push({ path: variable, need, what });
  if (condition.operator.endsWith("Path") && typeof condition.value === "string") {
    const other = pathSegments(condition.value);
    if (other) into.push({ path: other, need, what: `the other side of ${what}` });
  }
}

/** An And's reads, each marked with the longest path an earlier condition of it tests present. */
function andReads(conditions: readonly ConditionNode[], into: Read[], tests: boolean): void {
  const present: (string | number)[][] = [];
  for (const condition of conditions) {
    const reads: Read[] = [];
    conditionReads(condition, reads, tests);
    for (const read of reads) {
      const guarded = Math.max(
        read.guarded ?? 0,
        ...present.filter((p) => p.length <= read.path.length && p.every((s, i) => read.path[i] === s)).map((p) => p.length),
      );
      into.push(guarded > 0 ? { ...read, guarded } : read);
    }
    const tested =
      condition.kind === "comparison" && condition.operator === "IsPresent" && condition.value === true
        ? pathSegments(condition.variable)
        : undefined;
    if (tested) present.push(tested);
  }
}

/**
 * The `"key.$": "$.path"` leaves of a payload template (intrinsics' path arguments included). In a
 * Map's ItemSelector, `$$.Map.Item.Value.x` reads `x` of an element of the items (`items`: their path).
 */
function templateReads(
  template: JsonValue | undefined,
  field: string,
  into: Read[],
  at: string[] = [],
  items?: readonly (string | number)[],
  request = false,
): void {
  if (template === null || typeof template !== "object") return;
  if (Array.isArray(template)) {
    for (const [i, item] of template.entries()) templateReads(item, field, into, [...at, `[${i}]`], items, request);
    return;
  }
  for (const [key, value] of Object.entries(template as Record<string, JsonValue>)) {
    if (!key.endsWith(".$") || typeof value !== "string") {
      templateReads(value, field, into, [...at, key], items, request);
      continue;
    }
    const what = [field, ...at, key.slice(0, -2)].join(".");
    // A plain path's value goes into the request as it is: the request's type says what it must be.
    const inRequest =
      request && value.startsWith("$") && !value.startsWith("$$")
        ? { request: [...at, key.slice(0, -2)].map((k) => (/^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k)) }
        : {};
    const item = items && /^\$\$\.Map\.Item\.Value(?=[.[]|$)/.exec(value);
    const element = item ? pathSegments(`$${value.slice(item[0].length)}`) : undefined;
    if (element && element.length > 0) into.push({ path: [...items!, anyItem, ...element], need: "present", what });
    const paths = pathsIn(value);
    for (const path of paths) {
      const segments = pathSegments(path);
      if (segments && segments.length > 0) into.push({ path: segments, need: "present", what, ...inRequest });
    }
  }
}

/** A plain path, or the `$.x` arguments of an intrinsic such as `States.Format('{}', $.a)`. */
export function pathsIn(value: string): string[] {
  // Names as pathSegments reads them (a dash included: `$.detail-type`).
  return value.startsWith("$") ? [value] : (value.match(/(?<![\w$'])\$(?:\.[A-Za-z_$][\w$-]*|\[\d+\])+/g) ?? []);
}

function pathRead(path: string | undefined, need: Need, what: string, into: Read[]): void {
  const segments = path === undefined ? undefined : pathSegments(path);
  if (segments && segments.length > 0) into.push({ path: segments, need, what });
}

/** A Fail's ErrorPath or CausePath: a path to a string, or an intrinsic reading paths (`States.Format('{}', $.step)`). */
function textRead(path: string | undefined, what: string, into: Read[]): void {
  if (path === undefined) return;
  if (path.startsWith("$")) {
    pathRead(path, "string", what, into);
    return;
  }
  for (const arg of pathsIn(path)) pathRead(arg, "present", what, into);
}

/**
 * What a state reads from its input, relative to the input it receives: for JSONPath, InputPath
 * first, then what reads the InputPath's selection; for JSONata, the input fields its expressions
 * name. Not what reads a result (ResultSelector) or the context object.
 */
/** The input fields a JSONata state's expressions read (`$states.input.a.b`): each must be there. */
function jsonataReads(value: unknown, into: Read[]): void {
  if (typeof value === "string") {
    for (const match of value.matchAll(/\$states\.input((?:\.[A-Za-z_$][\w$]*|\[\d+\])+)/g)) {
      const segments = pathSegments(`$${match[1]}`);
      if (segments) into.push({ path: segments, need: "present", what: "a JSONata expression" });
    }
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) jsonataReads(v, into);
  }
}

/**
 * The counts a Map reads where its input holds them (JSONPath). Its ItemReader's and ResultWriter's
 * requests and its BatchInput are written as ASL in the builder, with no typed `$` a declared input
 * could be written on, so they are not read here: a read no declaration can answer would only warn.
 */
function mapOptionReads(state: MapNode, into: Read[]): void {
  pathRead(state.maxConcurrencyPath, "number", "maxConcurrency", into);
  pathRead(state.toleratedFailurePercentagePath, "number", "toleratedFailurePercentage", into);
  pathRead(state.toleratedFailureCountPath, "number", "toleratedFailureCount", into);
  pathRead(state.itemBatcher?.maxItemsPerBatchPath, "number", "itemBatcher.maxItemsPerBatch", into);
  pathRead(state.itemBatcher?.maxInputBytesPerBatchPath, "number", "itemBatcher.maxInputBytesPerBatch", into);
  pathRead(state.itemReader?.readerConfig?.maxItemsPath, "number", "itemReader.readerConfig.maxItems", into);
}

/** The segment of a read that stands for any item of an array (`$$.Map.Item.Value` in an ItemSelector). */
export const anyItem = "[]";

/**
 * What a state reads from its input. With `tests`, the fields a Choice only type-tests too (the
 * checks leave them out: a field that may be missing may be tested; a declared type must name them).
 * With `items`, what a Map's ItemSelector reads of each item, below the items' path and `anyItem`.
 */
export function readsOf(state: StateNode, language: "JSONPath" | "JSONata" = "JSONPath", { tests = false, items = false } = {}): Read[] {
  if ((state.queryLanguage ?? language) === "JSONata") {
    const reads: Read[] = [];
    const { branches: _b, itemProcessor: _p, ...own } = state as StateNode & { branches?: unknown; itemProcessor?: unknown };
    jsonataReads(own, reads);
    return reads;
  }
  const reads: Read[] = [];
  switch (state.kind) {
    case "Choice":
      for (const rule of state.choices) if (typeof rule.condition !== "string") conditionReads(rule.condition, reads, tests);
      break;
    case "Task":
      templateReads(state.parameters, "parameters", reads, [], undefined, true);
      pathRead(state.timeoutSecondsPath, "number", "timeout", reads);
      pathRead(state.heartbeatSecondsPath, "number", "heartbeat", reads);
      pathRead(state.credentials?.roleArnPath, "string", "credentials", reads);
      break;
    case "Pass":
    case "Parallel":
      templateReads(state.parameters, "parameters", reads);
      break;
    case "Map":
      pathRead(state.itemsPath, "array", "items", reads);
      templateReads(
        state.itemSelector ?? state.parameters,
        "itemSelector",
        reads,
        [],
        items && state.itemsPath !== undefined ? pathSegments(state.itemsPath) : undefined,
      );
      mapOptionReads(state, reads);
      break;
    case "Wait":
      pathRead(state.secondsPath, "number", "secondsPath", reads);
      pathRead(state.timestampPath, "string", "timestampPath", reads);
      break;
    case "Fail":
      textRead(state.errorPath, "error", reads);
      textRead(state.causePath, "cause", reads);
      break;
    case "Succeed":
      break;
  }
  if (!("inputPath" in state) || state.inputPath === undefined) return reads;
  if (state.inputPath === null) return [];
  const selected = pathSegments(state.inputPath);
  if (!selected) return [];
  return [
    ...(selected.length > 0 ? [{ path: selected, need: "present" as const, what: "inputPath" }] : []),
    ...reads.map((r) => ({ ...r, path: [...selected, ...r.path] })),
  ];
}
