import { StatesError } from "./errors.js";
import { type PathScope, tryPath } from "./paths.js";

/**
 * A JSONPath Choice Rule's truth (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html):
 * And, Or, Not, and one comparison of a Variable. And and Or stop at the first condition that
 * decides them, so `And: [IsPresent, StringEquals]` guards the comparison. A Variable that is
 * not there is States.Runtime, except to IsPresent (the States Language spec: IsPresent alone
 * "returns false" rather than throw).
 */
export function ruleHolds(rule: Record<string, any>, scope: PathScope): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r: Record<string, any>) => ruleHolds(r, scope));
  if (Array.isArray(rule.Or)) return rule.Or.some((r: Record<string, any>) => ruleHolds(r, scope));
  if (rule.Not) return !ruleHolds(rule.Not, scope);
  const variable = String(rule.Variable);
  const found = tryPath(variable, scope);
  const operator = Object.keys(rule).find((k) => k in comparisons || k in typeTests);
  if (!operator) throw new StatesError("States.Runtime", `In state '${scope.state}': a Choice Rule compares nothing.`);
  if (operator === "IsPresent") return found.found === Boolean(rule.IsPresent);
  if (!found.found)
    throw new StatesError(
      "States.Runtime",
      `In state '${scope.state}': Invalid path '${variable}': The choice state's condition path references an invalid value.`,
    );
  if (operator in typeTests) return typeTests[operator]!(found.value) === Boolean(rule[operator]);
  let expected: unknown = rule[operator];
  const base = operator.replace(/Path$/, "");
  if (operator.endsWith("Path")) {
    const other = tryPath(String(expected), scope);
    if (!other.found)
      throw new StatesError(
        "States.Runtime",
        `In state '${scope.state}': Invalid path '${String(expected)}': The choice state's condition path references an invalid value.`,
      );
    expected = other.value;
  }
  return comparisons[base]!(found.value, expected);
}

const isTimestamp = (value: unknown): value is string =>
  typeof value === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));

const typeTests: Readonly<Record<string, (value: unknown) => boolean>> = {
  IsPresent: () => true,
  IsNull: (v) => v === null,
  IsString: (v) => typeof v === "string",
  IsNumeric: (v) => typeof v === "number",
  IsBoolean: (v) => typeof v === "boolean",
  IsTimestamp: isTimestamp,
};

/** `*` matches any run of characters; `\*` is a star (and `\\` a backslash). */
function matches(value: string, pattern: string): boolean {
  let regex = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) regex += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else if (c === "*") regex += "[\\s\\S]*";
    else regex += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${regex}$`).test(value);
}

const strings = (f: (a: string, b: string) => boolean) => (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && f(a, b);
const numbers = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" && f(a, b);
const times = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  isTimestamp(a) && isTimestamp(b) && f(Date.parse(a), Date.parse(b));

const comparisons: Readonly<Record<string, (a: unknown, b: unknown) => boolean>> = {
  StringEquals: strings((a, b) => a === b),
  StringLessThan: strings((a, b) => a < b),
  StringGreaterThan: strings((a, b) => a > b),
  StringLessThanEquals: strings((a, b) => a <= b),
  StringGreaterThanEquals: strings((a, b) => a >= b),
  StringMatches: strings(matches),
  NumericEquals: numbers((a, b) => a === b),
  NumericLessThan: numbers((a, b) => a < b),
  NumericGreaterThan: numbers((a, b) => a > b),
  NumericLessThanEquals: numbers((a, b) => a <= b),
  NumericGreaterThanEquals: numbers((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === "boolean" && a === b,
  TimestampEquals: times((a, b) => a === b),
  TimestampLessThan: times((a, b) => a < b),
  TimestampGreaterThan: times((a, b) => a > b),
  TimestampLessThanEquals: times((a, b) => a <= b),
  TimestampGreaterThanEquals: times((a, b) => a >= b),
};
for (const name of Object.keys(comparisons))
  if (name !== "StringMatches") (comparisons as Record<string, unknown>)[`${name}Path`] = comparisons[name];
