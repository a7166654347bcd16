import type { AllLowered, Unlowered } from "./common.js";
import type { CommonDraftFields } from "../steps/draft.js";
import type { SucceedNode } from "../ir/succeed.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon } from "./common.js";
import type { LowerContext } from "./context.js";

export function lowerSucceed(draft: DraftOf<"Succeed">, ctx: LowerContext): SucceedNode {
  return lowerCommon(draft, ctx);
}

/** The Succeed draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type SucceedRead = never;
/** Every field of a Succeed draft is lowered: a new one fails here until its lowering reads it. */
export type SucceedLowered = AllLowered<Unlowered<CommonDraftFields, SucceedRead>>;
