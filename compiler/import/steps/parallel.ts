import type { ParallelNode } from "../../../src/ir/parallel.js";
import { array, type Code, json, method } from "../base/code.js";
import { builderCode } from "../base/template.js";
import { errorMethods, headMethods, outputAndAssign, pathMethod, resultMethods } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

export function parallelCode(node: ParallelNode, ctx: StepContext): Code {
  const declared = ctx.types.input !== undefined ? [ctx.types.input] : undefined;
  let step = headMethods(dslCall(ctx, "parallel", [json(node.name), array(node.branches.map((b) => ctx.graph(b)))], declared), node);
  step = pathMethod(step, node, "inputPath", true, ctx);
  const request = ctx.language === "JSONata" ? node.arguments : node.parameters;
  if (request !== undefined)
    step = method(step, ctx.language === "JSONata" ? "arguments" : "parameters", [builderCode(request, ctx.language, ctx.imports)]);
  step = resultMethods(step, node, ctx);
  step = pathMethod(step, node, "outputPath", true);
  step = outputAndAssign(step, node, ctx);
  return errorMethods(step, node, ctx);
}
