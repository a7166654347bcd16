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

const startsWith = (path: FieldPath, prefix: FieldPath) => prefix.every((segment, i) => path[i] === segment);

/** The facts about what `path` holds (`inside`), or about everything else; with no path, everything is else. */
function factsSplit(facts: RuleFacts, path: FieldPath | undefined, inside: boolean): RuleFacts {
  const keep = (p: FieldPath) => (path !== undefined && startsWith(p, path)) === inside;
  return {
    present: facts.present.filter(keep),
    equals: facts.equals.filter((e) => keep(e.path)),
    differs: (facts.differs ?? []).filter((e) => keep(e.path)),
  };
}

/** The facts that still hold above a step that writes `writes`: those about what it wrote do not. */
export const factsAbove = (facts: RuleFacts, writes: FieldPath | undefined): RuleFacts => factsSplit(facts, writes, false);

/** The facts about what a step writes at `writes` (none where it writes nothing). */
export const factsAbout = (facts: RuleFacts, writes: FieldPath | undefined): RuleFacts => factsSplit(facts, writes, true);

/** The facts about the field at `at` and those below it, with paths relative to it. */
export function factsBelow(facts: RuleFacts, at: FieldPath): RuleFacts {
  const below = (path: FieldPath) => path.length >= at.length && startsWith(path, at);
  const relative = <E extends { readonly path: FieldPath }>(e: E) => ({ ...e, path: e.path.slice(at.length) });
  return {
    present: facts.present.filter(below).map((p) => p.slice(at.length)),
    equals: facts.equals.filter((e) => below(e.path)).map(relative),
    differs: (facts.differs ?? []).filter((e) => below(e.path)).map(relative),
  };
}

export function joinFacts(a: RuleFacts, b: RuleFacts | undefined): RuleFacts {
  return b
    ? { present: [...a.present, ...b.present], equals: [...a.equals, ...b.equals], differs: [...(a.differs ?? []), ...(b.differs ?? [])] }
    : a;
}
