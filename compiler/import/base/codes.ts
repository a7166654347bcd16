import type { Code } from "../../base/catalogue.js";

/** What `stepwright import` reports (SW4xxx): definitions it cannot read or write as builder calls. */
export const importCodes = {
  /** The input is not JSON (or not HCL Terraform reads). */
  unreadable: "SW4001",
  /** A field or shape the definition holds that ASL (as Stepwright reads it) does not have. */
  notAsl: "SW4002",
  /** Something builder calls cannot write so that it builds back to the same definition. */
  notWritable: "SW4003",
  /** A Terraform file with no state machine whose definition can be read. */
  noDefinition: "SW4004",
} as const satisfies Record<string, Code>;
