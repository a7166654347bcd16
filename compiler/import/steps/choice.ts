import type { ChoiceNode, ChoiceRuleNode } from "../../../src/ir/choice.js";
import { arrow, type Code, json, method, object } from "../base/code.js";
import { conditionCode } from "../base/condition.js";
import { scopeOf } from "../base/references.js";
import { builderCode, jsonataCode } from "../base/template.js";
import { headMethods, outputAndAssign, pathMethod } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

/** A rule's condition as a function of `$`; undefined when the DSL would not write it back the same. */
function ruleCondition(rule: ChoiceRuleNode, ctx: StepContext): Code | undefined {
  if (typeof rule.condition === "string") {
    const expression = jsonataCode(rule.condition, ctx.imports);
    return expression && arrow([], expression);
  }
  const scope = scopeOf(ctx.imports);
  const condition = conditionCode(rule.condition, scope);
  return condition && arrow(scope.used.has("$") ? ["$"] : [], condition);
}

function ruleOptions(rule: ChoiceRuleNode, ctx: StepContext): Code | undefined {
  const entries: [string, Code][] = [];
  if (rule.comment !== undefined) entries.push(["comment", json(rule.comment)]);
  if (rule.assign !== undefined) entries.push(["assign", builderCode(rule.assign, ctx.language, ctx.imports)]);
  if (rule.output !== undefined) entries.push(["output", builderCode(rule.output, "JSONata", ctx.imports)]);
  return entries.length > 0 ? object(entries) : undefined;
}

/**
 * Stands for a condition the DSL cannot write back the same: the rule still gives the target (the
 * graph's edge), and the importer's check then writes the whole `Choices` list as ASL (`.asl`).
 */
function placeholder(ctx: StepContext): Code {
  const scope = scopeOf(ctx.imports);
  return arrow(["$"], conditionCode({ kind: "comparison", variable: "$", operator: "IsPresent", value: true }, scope)!);
}

export function choiceCode(node: ChoiceNode, ctx: StepContext): Code {
  let step = headMethods(dslCall(ctx, "choice", [json(node.name)], ctx.types.input !== undefined ? [ctx.types.input] : undefined), node);
  step = pathMethod(step, node, "inputPath", false);
  step = pathMethod(step, node, "outputPath", false);
  step = ctx.beforeTargets(outputAndAssign(step, node, ctx, { output: false }));
  for (const rule of node.choices) {
    const condition = ruleCondition(rule, ctx) ?? placeholder(ctx);
    const options = ruleOptions(rule, ctx);
    step = method(step, "when", [condition, ctx.target(rule.next), ...(options ? [options] : [])]);
  }
  if (node.default !== undefined) step = method(step, "otherwise", [ctx.target(node.default)]);
  return step;
}
