/**
 * Type-only markers (never set at runtime) carrying a step's, chain's or workflow's input and output
 * types, and the brand a workflow carries at runtime. A leaf: the step builders, the workflow and
 * the integrations that start a child workflow all read them.
 */
export const inType: unique symbol = Symbol.for("stepwright.in");
export const outType: unique symbol = Symbol.for("stepwright.out");
export const workflowBrand: unique symbol = Symbol.for("stepwright.workflow");

/** Whether a value is a `workflow(...)`: it carries the brand. */
export function isWorkflowValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[workflowBrand] === true;
}
