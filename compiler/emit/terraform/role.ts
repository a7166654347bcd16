import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type ModuleContext, plainName } from "./context.js";
import { type Block, JsonEncode, Raw } from "./hcl.js";

/** The `aws_iam_role` Step Functions assumes to run the workflow: only executions in this account may use it. */
export function roleBlock(context: ModuleContext, ir: WorkflowNode, id: string): Block {
  return {
    type: "resource",
    labels: ["aws_iam_role", id],
    comment: [`The role Step Functions assumes to run ${ir.name}.`],
    attributes: [
      ["name", `${context.refs.token("var.name_prefix")}${plainName(ir.name, id).slice(0, 60)}-sfn`],
      ["tags", new Raw("var.tags")],
      [
        "assume_role_policy",
        new JsonEncode({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "states.amazonaws.com" },
              Action: "sts:AssumeRole",
              // Only executions in this account may use the role (confused-deputy guard).
              Condition: { StringEquals: { "aws:SourceAccount": context.account } },
            },
          ],
        }),
      ],
    ],
  };
}
