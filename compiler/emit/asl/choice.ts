import type { ChoiceNode } from "../../../src/ir/index.js";
import { choiceFields, choiceRuleFields, copyFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import { emitCondition } from "./condition.js";
import type { AslObject } from "./context.js";

export function emitChoice(node: ChoiceNode): AslObject {
  return emitState(node, [], (out) => {
    out.Choices = node.choices.map((rule) => {
      const r: AslObject = typeof rule.condition === "string" ? { Condition: rule.condition } : emitCondition(rule.condition);
      copyFields(rule, r, choiceRuleFields, "toAsl");
      return r;
    });
    copyFields(node, out, choiceFields, "toAsl");
  });
}
