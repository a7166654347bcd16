/** Choice rule conditions in JSONPath form; JSONata choices carry a `{% %}` expression instead. */
export type ConditionNode = ComparisonNode | AndNode | OrNode | NotNode;

export const comparisonOperators = [
  "StringEquals",
  "StringEqualsPath",
  "StringLessThan",
  "StringLessThanPath",
  "StringGreaterThan",
  "StringGreaterThanPath",
  "StringLessThanEquals",
  "StringLessThanEqualsPath",
  "StringGreaterThanEquals",
  "StringGreaterThanEqualsPath",
  "StringMatches",
  "NumericEquals",
  "NumericEqualsPath",
  "NumericLessThan",
  "NumericLessThanPath",
  "NumericGreaterThan",
  "NumericGreaterThanPath",
  "NumericLessThanEquals",
  "NumericLessThanEqualsPath",
  "NumericGreaterThanEquals",
  "NumericGreaterThanEqualsPath",
  "BooleanEquals",
  "BooleanEqualsPath",
  "TimestampEquals",
  "TimestampEqualsPath",
  "TimestampLessThan",
  "TimestampLessThanPath",
  "TimestampGreaterThan",
  "TimestampGreaterThanPath",
  "TimestampLessThanEquals",
  "TimestampLessThanEqualsPath",
  "TimestampGreaterThanEquals",
  "TimestampGreaterThanEqualsPath",
  "IsNull",
  "IsPresent",
  "IsNumeric",
  "IsString",
  "IsBoolean",
  "IsTimestamp",
] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export interface ComparisonNode {
  readonly kind: "comparison";
  readonly variable: string;
  readonly operator: ComparisonOperator;
  /** A literal for plain operators, a path for `...Path` operators, `true`/`false` for `Is...` tests. */
  readonly value: string | number | boolean;
}
export interface AndNode {
  readonly kind: "and";
  readonly conditions: readonly ConditionNode[];
}
export interface OrNode {
  readonly kind: "or";
  readonly conditions: readonly ConditionNode[];
}
export interface NotNode {
  readonly kind: "not";
  readonly condition: ConditionNode;
}
