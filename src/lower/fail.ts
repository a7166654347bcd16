import type { FailNode } from "../ir/fail.js";
import type { StepDraft } from "../steps/draft.js";
import type { SelectorDraft } from "../steps/selector.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
import { lowerCommon } from "./common.js";

export function lowerFail(draft: StepDraft, ctx: LowerContext): FailNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  const jsonata = ctx.languageOf(draft) === "JSONata";
  for (const key of ["error", "cause"] as const) {
    if (f[key] !== undefined) out[key] = numberOrExpression(f[key]);
    const path = f[`${key}Path`] as SelectorDraft | undefined;
    if (path !== undefined) {
      if (jsonata) out[key] = selectorJsonata(path);
      else out[`${key}Path`] = selectorPath(path);
    }
  }
  return out as unknown as FailNode;
}
