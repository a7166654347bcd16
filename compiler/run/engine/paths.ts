import { JSONPath } from "jsonpath-plus";
import { invalidPath, StatesError } from "./errors.js";
import { evaluateIntrinsic } from "./intrinsics.js";
import { pathSegmentsOf } from "../../asl/path-segments.js";

/** What a JSONPath state's paths read: the input (`$`), the context object (`$$`) and the variables (`$name`). */
export interface PathScope {
  readonly input: unknown;
  readonly context: unknown;
  readonly variable: (name: string) => { readonly found: boolean; readonly value?: unknown };
  /** The state, for messages. */
  readonly state: string;
  /** Told each path or intrinsic evaluated and its value (for --trace). */
  readonly evaluated?: (expression: string, value: unknown) => void;
}

/** A path that names one node (no wildcard, filter, slice, union or descent): it selects that value or nothing. */
const definite = (path: string) => !/\*|\.\.|\?\(|\[[^\]]*[:,][^\]]*\]|@/.test(path);

/** Every value a path selects in `json` (`$`-rooted); a path that cannot be evaluated is States.Runtime. */
function select(path: string, json: unknown): unknown[] {
  try {
    return JSONPath({ path, json: json as null, wrap: true, eval: "safe" }) as unknown[];
  } catch (error) {
    throw new StatesError("States.Runtime", `The path '${path}' cannot be evaluated: ${(error as Error).message}`);
  }
}

/**
 * The value a path gives: one node for a definite path (none: States.Runtime), the list of matches
 * for any other. `$$.x` reads the context object, `$name.x` a variable.
 */
export function readPath(path: string, scope: PathScope): unknown {
  const found = tryPath(path, scope);
  if (!found.found) throw invalidPath(path, scope.state);
  return found.value;
}

/** The same, saying whether anything was found (IsPresent, and a Choice's own error). */
export function tryPath(path: string, scope: PathScope): { readonly found: boolean; readonly value?: unknown } {
  let root: unknown;
  let rest: string;
  if (path.startsWith("$$")) [root, rest] = [scope.context, `$${path.slice(2)}`];
  else if (/^\$[A-Za-z_]/.test(path)) {
    const name = /^\$([A-Za-z_][\w]*)/.exec(path)![1]!;
    const variable = scope.variable(name);
    if (!variable.found) return { found: false };
    [root, rest] = [variable.value, `$${path.slice(name.length + 1)}`];
  } else [root, rest] = [scope.input, path];
  if (!rest.startsWith("$")) throw new StatesError("States.Runtime", `In state '${scope.state}': '${path}' is not a path.`);
  const matches = select(rest, root);
  if (definite(rest)) return matches.length > 0 ? { found: true, value: matches[0] } : { found: false };
  return { found: true, value: matches };
}

/**
 * A payload template (Parameters, ResultSelector, ItemSelector, a Retrier's or Catcher's nothing):
 * fields ending in `.$` take a path's value, an intrinsic's, or a variable's; the rest are copied.
 */
export function applyTemplate(template: unknown, scope: PathScope): unknown {
  if (Array.isArray(template)) return template.map((item) => applyTemplate(item, scope));
  if (template === null || typeof template !== "object") return template;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith(".$") && typeof value === "string") out[key.slice(0, -2)] = dynamicValue(value, scope);
    else out[key] = applyTemplate(value, scope);
  }
  return out;
}

/** A `.$` field's value: an intrinsic function, a path of the input, the context or a variable. */
export function dynamicValue(value: string, scope: PathScope): unknown {
  const result = value.startsWith("States.")
    ? evaluateIntrinsic(value, (path) => readPath(path, scope), scope.state)
    : readPath(value, scope);
  scope.evaluated?.(value, result);
  return result;
}

/**
 * ResultPath: the result placed into (a copy of) the state's input at a reference path, the objects
 * on the way made where missing; `$` is the result itself, `null` the input unchanged.
 */
export function placeResult(input: unknown, resultPath: string | null | undefined, result: unknown, state: string): unknown {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === "$") return result;
  const segments = pathSegmentsOf(resultPath, "any");
  if (!segments) throw new StatesError("States.Runtime", `In state '${state}': ResultPath '${resultPath}' is not a reference path.`);
  const root: unknown = structuredClone(input);
  if (root === null || typeof root !== "object")
    throw new StatesError(
      "States.Runtime",
      `In state '${state}': ResultPath '${resultPath}' cannot be applied: the input is not an object.`,
    );
  let node = root as Record<string | number, unknown>;
  for (const [i, segment] of segments.entries()) {
    if (i === segments.length - 1) {
      node[segment] = result;
      break;
    }
    const next = node[segment];
    if (next === undefined) node[segment] = {};
    else if (next === null || typeof next !== "object") {
      throw new StatesError(
        "States.Runtime",
        `In state '${state}': ResultPath '${resultPath}' cannot be applied: '${String(segment)}' holds no object.`,
      );
    }
    node = node[segment] as Record<string | number, unknown>;
  }
  return root;
}

/** InputPath and OutputPath: `null` gives `{}`, a path its value (the whole value by default). */
export function filterPath(path: string | null | undefined, value: unknown, scope: Omit<PathScope, "input">): unknown {
  if (path === null) return {};
  if (path === undefined || path === "$") return value;
  return readPath(path, { ...scope, input: value });
}
