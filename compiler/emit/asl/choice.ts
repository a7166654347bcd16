import type { ChoiceNode } from "../../../src/ir/index.ts";
import { choiceFields, choiceRuleFields, copyFields } from "../../asl/fields.ts";
import { emitState } from "./common.ts";
import { emitCondition } from "./condition.ts";
import type { AslObject } from "./context.ts";

export function emitChoice(node: ChoiceNode): AslObject {
  return emitState(node, [], (out) => {
    out.Choices = node.choices.map((rule) => {
      const r: AslObject =
        typeof rule.condition === "string" ? { Condition: rule.condition } : emitCondition(rule.condition);
      copyFields(rule, r, choiceRuleFields, "toAsl");
      return r;
    });
    copyFields(node, out, choiceFields, "toAsl");
  });
}
