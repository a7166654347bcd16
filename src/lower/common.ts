import type { StepDraft } from "../steps/draft.js";
import type { SelectorDraft } from "../steps/selector.js";
import type { LowerContext } from "./context.js";
import { selectorPath } from "./context.js";
import type { CatchDraft } from "../steps/io.js";
import type { CatcherNode } from "../ir/catcher.js";
import type { JsonObject } from "../ir/json.js";

/** Fields every state kind lowers the same way: comment, language, input/output filtering, Assign. */
export function lowerCommon(draft: StepDraft, ctx: LowerContext): Record<string, unknown> {
  const f = draft.fields;
  const out: Record<string, unknown> = { kind: draft.kind, name: draft.name };
  if (f.comment !== undefined) out.comment = f.comment;
  if (f.queryLanguage !== undefined) out.queryLanguage = f.queryLanguage;
  for (const key of ["inputPath", "outputPath"] as const) {
    if (f[key] === undefined || !ctx.requireLanguage(draft, key === "inputPath" ? "InputPath" : "OutputPath", "JSONPath")) continue;
    out[key] = f[key] === null ? null : selectorPath(f[key] as SelectorDraft);
  }
  if (f.output !== undefined && ctx.requireLanguage(draft, "Output", "JSONata")) out.output = ctx.template(draft, "Output", f.output);
  if (f.assign !== undefined) out.assign = ctx.template(draft, "Assign", f.assign);
  if (draft.source) out.source = draft.source;
  return out;
}

export function lowerCatchers(draft: StepDraft, ctx: LowerContext): CatcherNode[] | undefined {
  const catchers = draft.fields.catch as readonly CatchDraft[] | undefined;
  if (!catchers) return undefined;
  return catchers.map((c) => {
    const node: Record<string, unknown> = { errorEquals: c.errors, next: c.handler.start.name };
    if (c.resultPath !== undefined && ctx.requireLanguage(draft, "a catcher's ResultPath", "JSONPath")) node.resultPath = c.resultPath;
    if (c.output !== undefined && ctx.requireLanguage(draft, "a catcher's Output", "JSONata")) node.output = ctx.template(draft, "Catch Output", c.output);
    if (c.assign !== undefined) node.assign = ctx.template(draft, "Catch Assign", c.assign) as JsonObject;
    if (c.comment !== undefined) node.comment = c.comment;
    return node as unknown as CatcherNode;
  });
}

/** ResultSelector and ResultPath, shared by Task, Parallel and Map (JSONPath only). */
export function lowerResult(draft: StepDraft, ctx: LowerContext, out: Record<string, unknown>): void {
  const f = draft.fields;
  if (f.resultSelector !== undefined && ctx.requireLanguage(draft, "ResultSelector", "JSONPath")) {
    out.resultSelector = ctx.template(draft, "ResultSelector", f.resultSelector);
  }
  if (f.resultPath !== undefined && ctx.requireLanguage(draft, "ResultPath", "JSONPath")) out.resultPath = f.resultPath;
  if (f.retry !== undefined) out.retry = f.retry;
  const catchers = lowerCatchers(draft, ctx);
  if (catchers) out.catch = catchers;
}
