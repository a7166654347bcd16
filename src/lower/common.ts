import type { CatcherNode } from "../ir/catcher.js";
import type { JsonObject } from "../ir/json.js";
import type { ErrorHandling, OutputTemplate, PathFiltering, ResultHandling, StateBase } from "../ir/state-base.js";
import type { CommonDraftFields, DraftFieldsByKind, DraftOf, ResultDraftFields } from "../steps/draft.js";
import type { LowerContext } from "./context.js";
import { selectorPath } from "./context.js";

/**
 * Compiles only when `T` is `never`. Each kind's lowering names the draft fields it reads besides
 * the common ones (`Unlowered<TaskDraftFields, "integration" | ...>`), so a field added to a kind's
 * draft that no lowering reads is a compile error naming it, as an IR field no ASL table writes is
 * (compiler/asl/fields.ts), rather than a builder option silently dropped.
 */
export type AllLowered<T extends never> = T;
/** The fields of a draft that neither its kind's lowering (`Read`) nor lowerCommon and lowerResult read. */
export type Unlowered<Fields, Read extends PropertyKey> = Exclude<keyof Fields, keyof CommonDraftFields | keyof ResultDraftFields | Read>;

/** The IR fields every state kind lowers the same way. */
export type CommonNode<K extends keyof DraftFieldsByKind> = StateBase & PathFiltering & OutputTemplate & { readonly kind: K };

/** Fields every state kind lowers the same way: comment, language, input/output filtering, Assign. */
export function lowerCommon<K extends keyof DraftFieldsByKind>(draft: DraftOf<K>, ctx: LowerContext): CommonNode<K> {
  const f = draft.fields;
  const path = (key: "inputPath" | "outputPath", asl: string) => {
    const value = f[key];
    if (value === undefined || !ctx.requireLanguage(draft, asl, "JSONPath")) return {};
    return { [key]: value === null ? null : selectorPath(value) };
  };
  const output =
    f.output !== undefined && ctx.requireLanguage(draft, "Output", "JSONata") ? ctx.template(draft, "Output", f.output) : undefined;
  const assign = f.assign !== undefined ? ctx.objectTemplate(draft, "Assign", f.assign) : undefined;
  return {
    kind: draft.kind,
    name: draft.name,
    ...(f.comment !== undefined ? { comment: f.comment } : {}),
    ...(f.queryLanguage !== undefined ? { queryLanguage: f.queryLanguage } : {}),
    ...path("inputPath", "InputPath"),
    ...path("outputPath", "OutputPath"),
    ...(output !== undefined ? { output } : {}),
    ...(assign !== undefined ? { assign } : {}),
    ...(f.asl !== undefined ? { asl: f.asl as JsonObject } : {}),
    ...(draft.source ? { source: draft.source } : {}),
  };
}

export function lowerCatchers(
  draft: DraftOf<"Task" | "Parallel" | "Map">,
  catchers: ResultDraftFields["catch"],
  ctx: LowerContext,
): CatcherNode[] | undefined {
  if (!catchers) return undefined;
  return catchers.map((c): CatcherNode => {
    const output =
      c.output !== undefined && ctx.requireLanguage(draft, "a catcher's Output", "JSONata")
        ? ctx.template(draft, "Catch Output", c.output)
        : undefined;
    const assign = c.assign !== undefined ? ctx.objectTemplate(draft, "Catch Assign", c.assign) : undefined;
    return {
      errorEquals: c.errors,
      next: c.handler.start.name,
      ...(c.resultPath !== undefined && ctx.requireLanguage(draft, "a catcher's ResultPath", "JSONPath")
        ? { resultPath: c.resultPath }
        : {}),
      ...(output !== undefined ? { output } : {}),
      ...(assign !== undefined ? { assign } : {}),
      ...(c.comment !== undefined ? { comment: c.comment } : {}),
      ...(c.source ? { source: c.source } : {}),
    };
  });
}

/** ResultSelector and ResultPath (JSONPath only), Retry and Catch: shared by Task, Parallel and Map. */
export function lowerResult(
  draft: DraftOf<"Task" | "Parallel" | "Map">,
  f: ResultDraftFields,
  ctx: LowerContext,
): ResultHandling & ErrorHandling {
  const selector =
    f.resultSelector !== undefined && ctx.requireLanguage(draft, "ResultSelector", "JSONPath")
      ? ctx.objectTemplate(draft, "ResultSelector", f.resultSelector)
      : undefined;
  const catchers = lowerCatchers(draft, f.catch, ctx);
  return {
    ...(selector !== undefined ? { resultSelector: selector } : {}),
    ...(f.resultPath !== undefined && ctx.requireLanguage(draft, "ResultPath", "JSONPath") ? { resultPath: f.resultPath } : {}),
    ...(f.retry !== undefined ? { retry: f.retry } : {}),
    ...(catchers ? { catch: catchers } : {}),
  };
}
