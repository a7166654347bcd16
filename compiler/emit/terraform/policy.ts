import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type ModuleContext, plainName } from "./context.js";
import { type Block, Commented, JsonEncode, Raw } from "./hcl.js";
import { policyStatements } from "./permissions/index.js";

/** The role's `aws_iam_role_policy`: least privilege for the integrations the workflow uses; none where it uses none. */
export function policyBlock(context: ModuleContext, ir: WorkflowNode, id: string): Block | undefined {
  const statements = policyStatements(ir, context.arnScope(ir));
  if (statements.length === 0) return undefined;
  return {
    type: "resource",
    labels: ["aws_iam_role_policy", id],
    comment: [`Least privilege for the integrations ${ir.name} uses.`],
    attributes: [
      ["name", `${plainName(ir.name, id).slice(0, 60)}-integrations`],
      ["role", new Raw(`aws_iam_role.${id}.id`)],
      [
        "policy",
        new JsonEncode({
          Version: "2012-10-17",
          Statement: statements.map((s) => {
            const statement = {
              Effect: "Allow",
              Action: [...s.actions],
              Resource: s.resources.length === 1 ? s.resources[0]! : [...s.resources],
              ...(s.condition ? { Condition: s.condition } : {}),
            };
            return s.why ? new Commented([`"*": ${s.why}.`], statement) : statement;
          }),
        }),
      ],
    ],
  };
}
