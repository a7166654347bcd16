import type { SucceedNode } from "../ir/succeed.ts";
import type { StepDraft } from "../steps/draft.ts";
import type { LowerContext } from "./context.ts";
import { lowerCommon } from "./common.ts";

export function lowerSucceed(draft: StepDraft, ctx: LowerContext): SucceedNode {
  return lowerCommon(draft, ctx) as unknown as SucceedNode;
}
