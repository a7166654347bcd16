import type { SucceedNode } from "../ir/succeed.js";
import type { StepDraft } from "../steps/draft.js";
import type { LowerContext } from "./context.js";
import { lowerCommon } from "./common.js";

export function lowerSucceed(draft: StepDraft, ctx: LowerContext): SucceedNode {
  return lowerCommon(draft, ctx) as unknown as SucceedNode;
}
