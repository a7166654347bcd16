import type { ParallelNode } from "../ir/parallel.js";
import type { ChainData, StepDraft } from "../steps/draft.js";
import type { LowerContext } from "./context.js";
import { lowerCommon, lowerResult } from "./common.js";
import { lowerGraph } from "./graph.js";

export function lowerParallel(draft: StepDraft, ctx: LowerContext): ParallelNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  out.branches = (f.branches as readonly ChainData[]).map((branch) => lowerGraph(branch, ctx));
  if (f.parameters !== undefined && ctx.requireLanguage(draft, "Parameters", "JSONPath")) out.parameters = ctx.template(draft, "Parameters", f.parameters);
  if (f.arguments !== undefined && ctx.requireLanguage(draft, "Arguments", "JSONata")) out.arguments = ctx.template(draft, "Arguments", f.arguments);
  lowerResult(draft, ctx, out);
  return out as unknown as ParallelNode;
}
