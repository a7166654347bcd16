import type { PassNode } from "../ir/pass.js";
import type { JsonValue } from "../ir/json.js";
import type { StepDraft } from "../steps/draft.js";
import type { LowerContext } from "./context.js";
import { lowerCommon } from "./common.js";

export function lowerPass(draft: StepDraft, ctx: LowerContext): PassNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  if (f.result !== undefined && ctx.requireLanguage(draft, "Result", "JSONPath")) out.result = f.result as JsonValue;
  if (f.parameters !== undefined && ctx.requireLanguage(draft, "Parameters", "JSONPath")) out.parameters = ctx.template(draft, "Parameters", f.parameters);
  if (f.resultPath !== undefined && ctx.requireLanguage(draft, "ResultPath", "JSONPath")) out.resultPath = f.resultPath;
  return out as unknown as PassNode;
}
