import type { CatcherNode } from "../../../src/ir/catcher.js";
import type { RetrierNode } from "../../../src/ir/retrier.js";
import type { StateNode } from "../../../src/ir/state.js";
import { type Code, json, method, object } from "../base/code.js";
import { builderCode, jsonataCode, selectorCode } from "../base/template.js";
import type { StepContext } from "./context.js";

type Fields = Partial<Record<string, unknown>>;
const fieldsOf = (node: StateNode): Fields => node as unknown as Fields;

/** A number (seconds, a count), a JSONata expression, or (JSONPath) where the input holds it: as the DSL takes them. */
export function numberOrPath(value: number | string | undefined, path: string | undefined, ctx: StepContext): Code | undefined {
  if (path !== undefined) return json(path);
  if (typeof value === "number") return json(value);
  return jsonataCode(value, ctx.imports);
}

/** `.comment(...)` and `.queryLanguage(...)`, when the state has them. */
export function headMethods(step: Code, node: StateNode): Code {
  let out = step;
  if (node.comment !== undefined) out = method(out, "comment", [json(node.comment)]);
  if (node.queryLanguage !== undefined) out = method(out, "queryLanguage", [json(node.queryLanguage)]);
  return out;
}

/**
 * A path field the DSL takes as a path string (`.inputPath("$.order")`); `null` only where the
 * method takes it. An InputPath whose step declares its whole input is a selector on it.
 */
export function pathMethod(step: Code, node: StateNode, field: "inputPath" | "outputPath", nullable: boolean, ctx?: StepContext): Code {
  const value = fieldsOf(node)[field];
  if (field === "inputPath" && typeof value === "string" && ctx?.types.raw !== undefined)
    return method(step, field, [selectorCode(value, ctx.imports, ctx.types.raw)]);
  if (typeof value === "string" || (value === null && nullable)) return method(step, field, [json(value)]);
  return step;
}

/** ResultSelector (a builder on the result) and ResultPath (`"$"`, `"$.a.b"` or `null`). */
export function resultMethods(step: Code, node: StateNode, ctx: StepContext): Code {
  const f = fieldsOf(node);
  let out = step;
  if (f.resultSelector !== undefined && ctx.language === "JSONPath") {
    out = method(out, "resultSelector", [
      builderCode(f.resultSelector as never, "JSONPath", ctx.imports, { name: "result", root: { kind: "result" } }),
    ]);
  }
  const path = f.resultPath;
  if (path === null || (typeof path === "string" && /^\$(\.|$)/.test(path))) out = method(out, "resultPath", [json(path)]);
  return out;
}

/** JSONata `Output` and `Assign` (either language). */
export function outputAndAssign(step: Code, node: StateNode, ctx: StepContext, { output = true } = {}): Code {
  const f = fieldsOf(node);
  let out = step;
  if (output && f.output !== undefined && ctx.language === "JSONata")
    out = method(out, "output", [builderCode(f.output as never, "JSONata", ctx.imports)]);
  if (f.assign !== undefined) out = method(out, "assign", [builderCode(f.assign as never, ctx.language, ctx.imports)]);
  return out;
}

function retryOptions(r: RetrierNode): Code {
  const entries: [string, Code][] = [["errors", json(r.errorEquals)]];
  const pairs = [
    ["intervalSeconds", r.intervalSeconds],
    ["maxAttempts", r.maxAttempts],
    ["backoffRate", r.backoffRate],
    ["maxDelaySeconds", r.maxDelaySeconds],
    ["jitter", r.jitterStrategy],
    ["comment", r.comment],
  ] as const;
  for (const [key, value] of pairs) if (value !== undefined) entries.push([key, json(value)]);
  return object(entries);
}

function catchOptions(c: CatcherNode, ctx: StepContext): Code | undefined {
  const entries: [string, Code][] = [];
  if (c.resultPath !== undefined) entries.push(["resultPath", json(c.resultPath)]);
  if (c.output !== undefined) entries.push(["output", builderCode(c.output, "JSONata", ctx.imports)]);
  if (c.assign !== undefined) {
    entries.push([
      "assign",
      builderCode(c.assign, ctx.language, ctx.imports, { name: "error", root: { kind: "errorOutput" }, before: ["_input"] }),
    ]);
  }
  if (c.comment !== undefined) entries.push(["comment", json(c.comment)]);
  return entries.length > 0 ? object(entries) : undefined;
}

/** `.retry({...})` for each retrier and `.catch(errors, handler, {...})` for each catcher, in order. */
export function errorMethods(step: Code, node: StateNode, ctx: StepContext): Code {
  const f = fieldsOf(node) as { retry?: readonly RetrierNode[]; catch?: readonly CatcherNode[] };
  let out = step;
  for (const r of f.retry ?? []) out = method(out, "retry", [retryOptions(r)]);
  if ((f.catch ?? []).length > 0) out = ctx.beforeTargets(out);
  for (const c of f.catch ?? []) {
    const errors = c.errorEquals.length === 1 ? json(c.errorEquals[0]) : json(c.errorEquals);
    const options = catchOptions(c, ctx);
    out = method(out, "catch", [errors, ctx.target(c.next), ...(options ? [options] : [])]);
  }
  return out;
}
