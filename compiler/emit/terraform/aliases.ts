import type { AliasNode, AliasVersion, WorkflowNode } from "../../../src/ir/workflow.js";
import type { ModuleContext } from "./context.js";
import { type Block, type HclValue, Raw } from "./hcl.js";

/** The ARN of a version an alias routes to: the one the state machine's deploy publishes, or one given. */
function versionArn(version: AliasVersion, id: string): HclValue {
  switch (version.kind) {
    case "published":
      return new Raw(`aws_sfn_state_machine.${id}.state_machine_version_arn`);
    case "arn":
      return version.arn;
    case "terraform":
      return new Raw(version.expression);
  }
}

/** One `aws_sfn_alias` per alias of the workflow: its routing to one or two versions by weight. */
export function aliasBlocks(context: ModuleContext, ir: WorkflowNode, id: string): Block[] {
  return (ir.aliases ?? []).map((alias: AliasNode) => ({
    type: "resource",
    labels: ["aws_sfn_alias", context.aliasId(ir.name, alias.name)],
    attributes: [
      ["name", alias.name],
      ...(alias.description !== undefined ? ([["description", alias.description]] as [string, HclValue][]) : []),
    ],
    blocks: alias.routing.map((route) => ({
      type: "routing_configuration",
      labels: [],
      attributes: [
        ["state_machine_version_arn", versionArn(route.version, id)],
        ["weight", route.weight],
      ],
    })),
  }));
}

/** An output per alias: its ARN, what a caller starts executions of. */
export function aliasOutputs(context: ModuleContext, ir: WorkflowNode): Block[] {
  return (ir.aliases ?? []).map((alias) => {
    const aliasId = context.aliasId(ir.name, alias.name);
    return {
      type: "output",
      labels: [context.outputIds.of(`${ir.name}\0alias\0${alias.name}`, `${aliasId}_alias_arn`)],
      attributes: [
        ["description", `ARN of the ${alias.name} alias of the ${ir.name} state machine`],
        ["value", new Raw(`aws_sfn_alias.${aliasId}.arn`)],
      ],
    };
  });
}
