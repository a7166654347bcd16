import type { AllLowered, Unlowered } from "./common.js";
import type { ChoiceDraftFields } from "../steps/draft.js";
import { Condition, lowerCondition } from "../data/condition.js";
import { jsonataData } from "../data/jsonata.js";
import type { ChoiceNode, ChoiceRuleNode } from "../ir/choice.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon } from "./common.js";
import type { LowerContext } from "./context.js";

export function lowerChoice(draft: DraftOf<"Choice">, ctx: LowerContext): ChoiceNode {
  const f = draft.fields;
  const language = ctx.languageOf(draft);
  const choices = (f.rules ?? []).map((rule): ChoiceRuleNode => {
    let condition: ChoiceRuleNode["condition"];
    if (rule.condition instanceof Condition) condition = lowerCondition(rule.condition, language);
    else {
      ctx.requireLanguage(draft, "a JSONata condition", "JSONata");
      condition = `{% ${rule.condition[jsonataData]} %}`;
    }
    const assign = rule.assign !== undefined ? ctx.objectTemplate(draft, "a rule's Assign", rule.assign) : undefined;
    const output =
      rule.output !== undefined && ctx.requireLanguage(draft, "a rule's Output", "JSONata")
        ? ctx.template(draft, "a rule's Output", rule.output)
        : undefined;
    return {
      condition,
      next: rule.target.start.name,
      ...(assign !== undefined ? { assign } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(rule.comment !== undefined ? { comment: rule.comment } : {}),
      ...(rule.source ? { source: rule.source } : {}),
    };
  });
  return {
    ...lowerCommon(draft, ctx),
    choices,
    ...(f.otherwise ? { default: f.otherwise.start.name } : {}),
    ...(f.otherwise && f.otherwiseSource ? { defaultSource: f.otherwiseSource } : {}),
  };
}

/** The Choice draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type ChoiceRead = "rules" | "otherwise" | "otherwiseSource";
/** Every field of a Choice draft is lowered: a new one fails here until its lowering reads it. */
export type ChoiceLowered = AllLowered<Unlowered<ChoiceDraftFields, ChoiceRead>>;
