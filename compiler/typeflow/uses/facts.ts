import type { ConditionNode } from "../../../src/ir/condition.js";
import type { FieldPath } from "./arrivals.js";
import { pathSegments } from "./reads.js";

/**
 * What a Choice rule that matched says of its input: fields that are there (a comparison or a
 * type test that held on them) and fields equal to a literal (`$.method.kind == "card"`, which
 * narrows a union). Only what the whole condition requires: And's parts, not Or's or Not's.
 */
export interface RuleFacts {
  readonly present: readonly FieldPath[];
  readonly equals: readonly { readonly path: FieldPath; readonly value: string | number | boolean }[];
  /** Fields known not to equal a literal: an earlier rule `$.method.kind == "card"` did not match. */
  readonly differs?: readonly { readonly path: FieldPath; readonly value: string | number | boolean }[];
}

export const noFacts: RuleFacts = { present: [], equals: [] };

const typeTests = new Set(["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"]);
const equalities = new Set(["StringEquals", "NumericEquals", "BooleanEquals"]);

export function factsOf(condition: ConditionNode | string): RuleFacts {
  if (typeof condition === "string") return noFacts;
  const present: FieldPath[] = [];
  const equals: { path: FieldPath; value: string | number | boolean }[] = [];
  const visit = (c: ConditionNode) => {
    if (c.kind === "and") return c.conditions.forEach(visit);
    if (c.kind !== "comparison") return;
    const path = pathSegments(c.variable);
    if (!path) return;
    // A type test that held on a field (other than IsPresent: false) saw it there; so did any comparison.
    if (!typeTests.has(c.operator) || c.value === true) present.push(path);
    if (equalities.has(c.operator)) equals.push({ path, value: c.value });
  };
  visit(condition);
  return { present, equals };
}

/**
 * What the rules before a branch say of the data that reaches it, having not matched: a rule that is
 * one equality (or an Or of them) did not hold, so the field differs from each value (a field that is
 * not there differs too). Other conditions that did not hold say nothing definite.
 */
export function factsOfMisses(conditions: readonly (ConditionNode | string)[]): RuleFacts {
  const differs: { path: FieldPath; value: string | number | boolean }[] = [];
  const visit = (c: ConditionNode | string) => {
    if (typeof c === "string") return;
    if (c.kind === "or") return c.conditions.forEach(visit);
    if (c.kind !== "comparison" || !equalities.has(c.operator)) return;
    const path = pathSegments(c.variable);
    if (path) differs.push({ path, value: c.value });
  };
  conditions.forEach(visit);
  return differs.length > 0 ? { present: [], equals: [], differs } : noFacts;
}

/** The facts that still hold above a step that writes `writes`: those about what it wrote do not. */
export function factsAbove(facts: RuleFacts, writes: FieldPath | undefined): RuleFacts {
  if (!writes) return facts;
  const kept = (path: FieldPath) => !writes.every((segment, i) => path[i] === segment);
  return {
    present: facts.present.filter(kept),
    equals: facts.equals.filter((e) => kept(e.path)),
    differs: (facts.differs ?? []).filter((e) => kept(e.path)),
  };
}

export function joinFacts(a: RuleFacts, b: RuleFacts | undefined): RuleFacts {
  return b
    ? { present: [...a.present, ...b.present], equals: [...a.equals, ...b.equals], differs: [...(a.differs ?? []), ...(b.differs ?? [])] }
    : a;
}
