import type { AllLowered, Unlowered } from "./common.js";
import type { PassDraftFields } from "../steps/draft.js";
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

/** The Pass draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type PassRead = "result" | "parameters";
/** Every field of a Pass draft is lowered: a new one fails here until its lowering reads it. */
export type PassLowered = AllLowered<Unlowered<PassDraftFields, PassRead>>;
