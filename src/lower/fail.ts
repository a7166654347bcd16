import type { AllLowered, Unlowered } from "./common.js";
import type { FailDraftFields } from "../steps/draft.js";
import type { FailNode } from "../ir/fail.js";
import type { DraftOf } from "../steps/draft.js";
import type { SelectorDraft } from "../steps/selector.js";
import { lowerCommon } from "./common.js";
import { type LowerContext, selectorJsonata, selectorPath, textOrExpression } from "./context.js";

export function lowerFail(draft: DraftOf<"Fail">, ctx: LowerContext): FailNode {
  const f = draft.fields;
  const jsonata = ctx.languageOf(draft) === "JSONata";
  // A literal or expression, or (JSONPath) where the input holds it; in JSONata the path is an expression.
  const field = (key: "error" | "cause", value: unknown, path: SelectorDraft | undefined) => ({
    ...(value !== undefined ? { [key]: textOrExpression(value) } : {}),
    ...(path === undefined ? {} : jsonata ? { [key]: selectorJsonata(path) } : { [`${key}Path`]: selectorPath(path) }),
  });
  return { ...lowerCommon(draft, ctx), ...field("error", f.error, f.errorPath), ...field("cause", f.cause, f.causePath) };
}

/** The Fail draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type FailRead = "error" | "cause" | "errorPath" | "causePath";
/** Every field of a Fail draft is lowered: a new one fails here until its lowering reads it. */
export type FailLowered = AllLowered<Unlowered<FailDraftFields, FailRead>>;
