import type { PassNode } from "../../../src/ir/pass.js";
import { type Code, json, method, object } from "../base/code.js";
import { builderCode } from "../base/template.js";
import { headMethods, outputAndAssign, pathMethod, resultMethods } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

export function passCode(node: PassNode, ctx: StepContext): Code {
  const { input: declared, selected } = ctx.types;
  const parameters = node.parameters !== undefined && ctx.language === "JSONPath" ? node.parameters : undefined;
  const input = (type: string | undefined) => ({
    name: "$",
    root: { kind: "input" as const },
    ...(type !== undefined ? { declared: type } : {}),
  });
  let step: Code;
  if (declared !== undefined && node.result !== undefined) {
    // `pass<In>(...).result(...)`: the result's type is inferred from the value, the input declared.
    step = method(dslCall(ctx, "pass", [json(node.name)], [declared]), "result", [json(node.result)]);
  } else if (selected !== undefined && parameters !== undefined) {
    // The parameters read the input after InputPath: `pass<Raw>(...).parameters(($: Ref<Selected>) => ...)`.
    step = method(dslCall(ctx, "pass", [json(node.name)], [declared!]), "parameters", [
      builderCode(parameters, "JSONPath", ctx.imports, input(selected)),
    ]);
  } else {
    const options =
      node.result !== undefined
        ? [object([["result", json(node.result)]])]
        : parameters !== undefined
          ? [object([["parameters", builderCode(parameters, "JSONPath", ctx.imports, input(declared))]])]
          : [];
    // The input is declared on the parameters' `$`; a Pass that passes its input on declares it as a type argument.
    const types = declared !== undefined && options.length === 0 ? [declared] : undefined;
    step = dslCall(ctx, "pass", [json(node.name), ...options], types);
  }
  step = headMethods(step, node);
  step = pathMethod(step, node, "inputPath", false);
  step = resultMethods(step, node, ctx);
  step = pathMethod(step, node, "outputPath", false);
  return outputAndAssign(step, node, ctx);
}
