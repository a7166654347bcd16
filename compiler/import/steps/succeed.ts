import type { SucceedNode } from "../../../src/ir/succeed.js";
import { type Code, json, method } from "../base/code.js";
import { builderCode } from "../base/template.js";
import { headMethods, pathMethod } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

export function succeedCode(node: SucceedNode, ctx: StepContext): Code {
  let step = headMethods(dslCall(ctx, "succeed", [json(node.name)], ctx.types.input !== undefined ? [ctx.types.input] : undefined), node);
  step = pathMethod(step, node, "inputPath", false);
  step = pathMethod(step, node, "outputPath", false);
  if (node.output !== undefined && ctx.language === "JSONata")
    step = method(step, "output", [builderCode(node.output, "JSONata", ctx.imports)]);
  return step;
}
