import type { SucceedNode } from "../ir/succeed.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon } from "./common.js";
import type { LowerContext } from "./context.js";

export function lowerSucceed(draft: DraftOf<"Succeed">, ctx: LowerContext): SucceedNode {
  return lowerCommon(draft, ctx);
}
