import type { Code } from "../../base/catalogue.js";

/** Data-flow findings between steps (SW1xxx): what a step needs that the step before it does not give. */
export const flowCodes = {
  /** The consumer needs a field the producer does not give at all. */
  missingField: "SW1001",
  /** The producer gives the field, with a type the consumer does not accept. */
  wrongFieldType: "SW1002",
  /** The consumer needs the field; the producer may leave it out. */
  optionalField: "SW1003",
  /** `.next` on a step or chain that always ends in Succeed or Fail. */
  nextAfterTerminal: "SW1004",
  /** The whole input does not fit, and no single field explains why (an array where an object is needed, ...). */
  inputMismatch: "SW1005",
  /** A step declared on its own reads fields, and only `any` reaches it: nothing checks them (a warning). */
  undeclaredInput: "SW1006",
} as const satisfies Record<string, Code>;
