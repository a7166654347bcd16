import type { ConditionNode } from "../../../src/ir/index.js";
import type { AslObject } from "./context.js";

/** A JSONPath choice condition as ASL: `Variable` + operator, or `And`/`Or`/`Not`. */
export function emitCondition(condition: ConditionNode): AslObject {
  switch (condition.kind) {
    case "comparison":
      return { Variable: condition.variable, [condition.operator]: condition.value };
    case "and":
      return { And: condition.conditions.map(emitCondition) };
    case "or":
      return { Or: condition.conditions.map(emitCondition) };
    case "not":
      return { Not: emitCondition(condition.condition) };
  }
}
