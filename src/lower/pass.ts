import type { PassNode } from "../ir/pass.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon } from "./common.js";
import type { LowerContext } from "./context.js";

export function lowerPass(draft: DraftOf<"Pass">, ctx: LowerContext): PassNode {
  const f = draft.fields;
  const result =
    f.result !== undefined && ctx.requireLanguage(draft, "Result", "JSONPath") ? ctx.literal(draft, "Result", f.result) : undefined;
  const parameters =
    f.parameters !== undefined && ctx.requireLanguage(draft, "Parameters", "JSONPath")
      ? ctx.template(draft, "Parameters", f.parameters)
      : undefined;
  return {
    ...lowerCommon(draft, ctx),
    ...(result !== undefined ? { result } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
    ...(f.resultPath !== undefined && ctx.requireLanguage(draft, "ResultPath", "JSONPath") ? { resultPath: f.resultPath } : {}),
  };
}
