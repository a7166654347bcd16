import type { ParallelNode } from "../ir/parallel.ts";
import type { ChainData, StepDraft } from "../steps/draft.ts";
import type { LowerContext } from "./context.ts";
import { lowerCommon, lowerResult } from "./common.ts";
import { lowerGraph } from "./graph.ts";

export function lowerParallel(draft: StepDraft, ctx: LowerContext): ParallelNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  out.branches = (f.branches as readonly ChainData[]).map((branch) => lowerGraph(branch, ctx));
  if (f.parameters !== undefined && ctx.requireLanguage(draft, "Parameters", "JSONPath")) out.parameters = ctx.template(draft, "Parameters", f.parameters);
  if (f.arguments !== undefined && ctx.requireLanguage(draft, "Arguments", "JSONata")) out.arguments = ctx.template(draft, "Arguments", f.arguments);
  lowerResult(draft, ctx, out);
  return out as unknown as ParallelNode;
}
