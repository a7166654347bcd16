import type { WaitNode } from "../ir/wait.js";
import type { StepDraft } from "../steps/draft.js";
import type { SelectorDraft } from "../steps/selector.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
import { lowerCommon } from "./common.js";

export function lowerWait(draft: StepDraft, ctx: LowerContext): WaitNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  const jsonata = ctx.languageOf(draft) === "JSONata";
  if (f.seconds !== undefined) out.seconds = numberOrExpression(f.seconds);
  if (f.timestamp !== undefined) out.timestamp = numberOrExpression(f.timestamp);
  // In JSONata, the *Path forms become expressions in Seconds/Timestamp.
  if (f.secondsPath !== undefined) out[jsonata ? "seconds" : "secondsPath"] = (jsonata ? selectorJsonata : selectorPath)(f.secondsPath as SelectorDraft);
  if (f.timestampPath !== undefined) out[jsonata ? "timestamp" : "timestampPath"] = (jsonata ? selectorJsonata : selectorPath)(f.timestampPath as SelectorDraft);
  return out as unknown as WaitNode;
}
