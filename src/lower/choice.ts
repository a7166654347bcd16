import type { ChoiceNode, ChoiceRuleNode } from "../ir/choice.js";
import { Condition, lowerCondition } from "../condition.js";
import { jsonataData, type JsonataExpr } from "../data/jsonata.js";
import type { ChainData, StepDraft } from "../steps/draft.js";
import type { ChoiceRuleDraft } from "../steps/choice.js";
import type { LowerContext } from "./context.js";
import { lowerCommon } from "./common.js";

export function lowerChoice(draft: StepDraft, ctx: LowerContext): ChoiceNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  const language = ctx.languageOf(draft);
  out.choices = ((f.rules as readonly ChoiceRuleDraft[]) ?? []).map((rule): ChoiceRuleNode => {
    let condition: ChoiceRuleNode["condition"];
    if (rule.condition instanceof Condition) condition = lowerCondition(rule.condition, language);
    else {
      ctx.requireLanguage(draft, "a JSONata condition", "JSONata");
      condition = `{% ${(rule.condition as JsonataExpr<boolean>)[jsonataData]} %}`;
    }
    return { condition, next: rule.target.start.name, ...(rule.comment !== undefined ? { comment: rule.comment } : {}) };
  });
  if (f.otherwise) out.default = (f.otherwise as ChainData).start.name;
  return out as unknown as ChoiceNode;
}
