import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type ModuleContext, plainName } from "./context.js";
import { type Block, Raw } from "./hcl.js";

/** The `aws_cloudwatch_log_group` a workflow that logs writes to; none where it does not log. */
export function logGroupBlock(context: ModuleContext, ir: WorkflowNode, id: string): Block | undefined {
  if (!ir.logging || ir.logging.level === "OFF") return undefined;
  return {
    type: "resource",
    labels: ["aws_cloudwatch_log_group", id],
    attributes: [
      ["name", `/aws/vendedlogs/states/${context.refs.token("var.name_prefix")}${plainName(ir.name, id)}`],
      ["retention_in_days", new Raw("var.log_retention_days")],
      ["tags", new Raw("var.tags")],
    ],
  };
}
