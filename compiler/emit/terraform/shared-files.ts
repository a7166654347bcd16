import type { WorkflowNode } from "../../../src/ir/workflow.js";
import type { Block, HclValue } from "./hcl.js";
import { Raw } from "./hcl.js";

function variable(name: string, description: string, type: string, value: HclValue): Block {
  return {
    type: "variable",
    labels: [name],
    attributes: [
      ["description", description],
      ["type", new Raw(type)],
      ["default", value],
    ],
  };
}

/** The module's variables (variables.tf): a name prefix, tags, log retention, and an alarm e-mail where a workflow makes its alarm topic. */
export function variableBlocks(workflows: readonly WorkflowNode[]): Block[] {
  return [
    variable("name_prefix", "Prefix for the names of every state machine, role and log group in this module", "string", ""),
    variable("tags", "Tags for every resource in this module", "map(string)", {}),
    variable("log_retention_days", "Days to keep the execution logs of workflows that log", "number", 30),
    ...(workflows.some((ir) => ir.alarms?.topic.kind === "create")
      ? [variable("alarm_email", "E-mail address the alarm topics made here notify (empty: no subscription)", "string", "")]
      : []),
  ];
}

/** The provider the module needs (versions.tf). */
export function versionsBlocks(): Block[] {
  return [
    {
      type: "terraform",
      labels: [],
      attributes: [],
      blocks: [{ type: "required_providers", labels: [], attributes: [["aws", { source: "hashicorp/aws", version: ">= 5.0" }]] }],
    },
  ];
}
