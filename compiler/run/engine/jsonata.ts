import { randomUUID } from "node:crypto";
import jsonata from "jsonata";
import { LRUCache } from "lru-cache";
import { StatesError } from "./errors.js";
import { hashOf } from "./intrinsics.js";

/**
 * JSONata as JSONata states run it (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html):
 * a string `{% expression %}` anywhere in a field is evaluated, with `$states` (input, result,
 * errorOutput, context) and the workflow's variables bound, and AWS's own functions besides
 * JSONata's. An expression that fails, or gives nothing where a value is needed, is
 * States.QueryEvaluationError.
 */
export interface JsonataScope {
  readonly states: { readonly input: unknown; readonly context: unknown; readonly result?: unknown; readonly errorOutput?: unknown };
  readonly variables: Readonly<Record<string, unknown>>;
  readonly partition: string;
  readonly state: string;
  /** Told each expression evaluated and its value (for --trace). */
  readonly evaluated?: (expression: string, value: unknown) => void;
}

/**
 * Expressions parsed, by their text: a workflow's few, parsed once however often they run. Bounded,
 * so a long watch session or test run that sees many workflows keeps only the most recently used.
 */
export const compiledExpressions = new LRUCache<string, jsonata.Expression>({ max: 2_000 });

/** AWS's functions, bound in every expression. */
function awsFunctions(partition: string): Record<string, unknown> {
  return {
    partition: () => partition,
    range: (start: number, end: number, step: number) => {
      const out: number[] = [];
      if (!step) throw new Error("$range: the step must not be 0");
      for (let n = start; step > 0 ? n <= end : n >= end; n += step) out.push(n);
      return out;
    },
    hash: (value: unknown, algorithm: string) => {
      const hash = hashOf(value, algorithm);
      if ("wrong" in hash) throw new Error(`$hash: ${hash.wrong}`);
      return hash.hex;
    },
    random: (seed?: number) => (seed === undefined ? Math.random() : seeded(seed)),
    uuid: () => randomUUID(),
    parse: (text: string) => JSON.parse(text) as unknown,
  };
}

/** A number in [0, 1) fixed by its seed (what `$random(seed)` promises: the same seed, the same number). */
function seeded(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const expressionOf = (value: string) => /^\{%([\s\S]*)%\}$/.exec(value)?.[1];

/** Whether a value is a JSONata expression string. */
export const isExpression = (value: unknown): value is string => typeof value === "string" && expressionOf(value) !== undefined;

async function evaluateExpression(text: string, scope: JsonataScope): Promise<unknown> {
  let expression = compiledExpressions.get(text);
  if (!expression) {
    try {
      expression = jsonata(text);
    } catch (error) {
      throw new StatesError(
        "States.QueryEvaluationError",
        `In state '${scope.state}': the JSONata expression cannot be read: ${(error as Error).message}`,
      );
    }
    compiledExpressions.set(text, expression);
  }
  try {
    const bindings = { ...awsFunctions(scope.partition), ...scope.variables, states: scope.states };
    const value = plain((await expression.evaluate(null, bindings)) as unknown);
    scope.evaluated?.(`{%${text}%}`, value);
    return value;
  } catch (error) {
    throw new StatesError("States.QueryEvaluationError", `In state '${scope.state}': ${(error as Error).message}`);
  }
}

/** JSONata's sequences and frozen arrays as plain JSON (what the next state receives). */
function plain(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === "function") return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** A field's value: every `{% %}` string in it evaluated (a field that is one gives the value itself). Nothing is States.QueryEvaluationError where `required`. */
export async function evaluateField(value: unknown, scope: JsonataScope, field: string, required = true): Promise<unknown> {
  const result = await walk(value, scope);
  if (result === undefined && required)
    throw new StatesError("States.QueryEvaluationError", `In state '${scope.state}': ${field} evaluated to nothing (undefined).`);
  return result;
}

async function walk(value: unknown, scope: JsonataScope): Promise<unknown> {
  if (typeof value === "string") {
    const text = expressionOf(value);
    return text === undefined ? value : evaluateExpression(text, scope);
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => walk(item, scope)));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const evaluated = await walk(item, scope);
    // A field whose expression gives nothing is left out, as JSONata leaves it out of an object.
    if (evaluated !== undefined) out[key] = evaluated;
  }
  return out;
}
