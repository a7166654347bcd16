import { isDeepStrictEqual } from "node:util";
import { and, Condition, comparisonMethods, not, or, toConditionNode, typeTestMethods } from "../../../src/data/condition.js";
import { booleanPath, stringPath, timestamp } from "../../../src/data/ref.js";
import type { ConditionNode } from "../../../src/ir/condition.js";
import { type Code, call, json, method } from "./code.js";
import { pathCode, type Scope } from "./references.js";

const methods = comparisonMethods;
const typeTests = typeTestMethods;
const wrappers = {
  String: ["stringPath", stringPath],
  Boolean: ["booleanPath", booleanPath],
  Timestamp: ["timestamp", timestamp],
} as const;

function operandCode(family: string, value: string | number | boolean, isPath: boolean, scope: Scope): Code {
  const operand = isPath ? pathCode(String(value), scope) : json(value);
  if (family === "Numeric" && isPath) return operand;
  if (!isPath && family !== "Timestamp") return operand;
  const [name, fn] = wrappers[family as keyof typeof wrappers];
  scope.imports.add(name);
  return call(name, fn as (v: unknown) => unknown, [operand]);
}

function comparisonCode(node: Extract<ConditionNode, { kind: "comparison" }>, scope: Scope): Code | undefined {
  const variable = pathCode(node.variable, scope);
  if (node.operator in typeTests) {
    if (typeof node.value !== "boolean") return undefined;
    return method(variable, typeTests[node.operator as keyof typeof typeTests], node.value ? [] : [json(false)]);
  }
  const match = /^(String|Numeric|Boolean|Timestamp)(Equals|GreaterThanEquals|GreaterThan|LessThanEquals|LessThan|Matches)(Path)?$/.exec(
    node.operator,
  );
  if (!match) return undefined;
  const [, family, comparison, path] = match;
  return method(variable, methods[comparison as keyof typeof methods], [operandCode(family!, node.value, path !== undefined, scope)]);
}

function build(node: ConditionNode, scope: Scope): Code | undefined {
  if (node.kind === "comparison") return comparisonCode(node, scope);
  if (node.kind === "not") {
    const inner = build(node.condition, scope);
    if (!inner) return undefined;
    scope.imports.add("not");
    return call("not", not, [inner]);
  }
  const parts = node.conditions.map((c) => build(c, scope));
  if (parts.some((p) => p === undefined)) return undefined;
  scope.imports.add(node.kind);
  return call(node.kind, node.kind === "and" ? and : or, parts as Code[]);
}

function safeNode(value: unknown): ConditionNode | undefined {
  try {
    return value instanceof Condition ? toConditionNode(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JSONPath choice condition written with the typed proxy (`$.status.eq("DONE")`, `and(...)`),
 * when the DSL writes it back as the same rule; undefined otherwise.
 */
export function conditionCode(node: ConditionNode, scope: Scope): Code | undefined {
  const trial: Scope = { input: scope.input, used: new Set(), imports: new Set() };
  const built = build(node, trial);
  if (!built || !isDeepStrictEqual(safeNode(built.value), node)) return undefined;
  for (const name of trial.used) scope.used.add(name);
  for (const name of trial.imports) scope.imports.add(name);
  return built;
}
