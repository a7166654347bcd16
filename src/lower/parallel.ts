import type { AllLowered, Unlowered } from "./common.js";
import type { ParallelDraftFields } from "../steps/draft.js";
import type { ParallelNode } from "../ir/parallel.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon, lowerResult } from "./common.js";
import type { LowerContext } from "./context.js";
import { lowerGraph } from "./graph.js";

export function lowerParallel(draft: DraftOf<"Parallel">, ctx: LowerContext): ParallelNode {
  const f = draft.fields;
  const parameters =
    f.parameters !== undefined && ctx.requireLanguage(draft, "Parameters", "JSONPath")
      ? ctx.template(draft, "Parameters", f.parameters)
      : undefined;
  const args =
    f.arguments !== undefined && ctx.requireLanguage(draft, "Arguments", "JSONata")
      ? ctx.template(draft, "Arguments", f.arguments)
      : undefined;
  return {
    ...lowerCommon(draft, ctx),
    branches: f.branches.map((branch) => lowerGraph(branch, ctx)),
    ...(parameters !== undefined ? { parameters } : {}),
    ...(args !== undefined ? { arguments: args } : {}),
    ...lowerResult(draft, f, ctx),
  };
}

/** The Parallel draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type ParallelRead = "branches" | "parameters" | "arguments";
/** Every field of a Parallel draft is lowered: a new one fails here until its lowering reads it. */
export type ParallelLowered = AllLowered<Unlowered<ParallelDraftFields, ParallelRead>>;
