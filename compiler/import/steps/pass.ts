import type { PassNode } from "../../../src/ir/pass.js";
import { type Code, json, method, object } from "../code.js";
import { builderCode } from "../template.js";
import { headMethods, outputAndAssign, pathMethod, resultMethods } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

export function passCode(node: PassNode, ctx: StepContext): Code {
  const options =
    node.result !== undefined
      ? [object([["result", json(node.result)]])]
      : node.parameters !== undefined && ctx.language === "JSONPath"
        ? [object([["parameters", builderCode(node.parameters, "JSONPath", ctx.imports)]])]
        : [];
  let step = headMethods(dslCall(ctx, "pass", [json(node.name), ...options]), node);
  step = pathMethod(step, node, "inputPath", false);
  step = resultMethods(step, node, ctx);
  step = pathMethod(step, node, "outputPath", false);
  return outputAndAssign(step, node, ctx);
}
