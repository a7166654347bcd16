import type { WorkflowNode } from "../../../src/ir/workflow.js";
import type { ModuleContext } from "./context.js";
import { type Block, Raw } from "./hcl.js";

/** A workflow's outputs: its state machine's ARN and its role's. */
export function outputBlocks(context: ModuleContext, ir: WorkflowNode, id: string): Block[] {
  return [
    {
      type: "output",
      labels: [context.outputIds.of(`${ir.name}\0arn`, `${id}_arn`)],
      attributes: [
        ["description", `ARN of the ${ir.name} state machine`],
        ["value", new Raw(`aws_sfn_state_machine.${id}.arn`)],
      ],
    },
    {
      type: "output",
      labels: [context.outputIds.of(`${ir.name}\0role`, `${id}_role_arn`)],
      attributes: [
        ["description", `ARN of the role ${ir.name} runs as`],
        ["value", new Raw(`aws_iam_role.${id}.arn`)],
      ],
    },
  ];
}
