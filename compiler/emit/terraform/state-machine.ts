import { relative, sep } from "node:path";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type ModuleContext, generatedBy } from "./context.js";
import { type Block, type HclValue, Raw } from "./hcl.js";
import { hclInline } from "./inline.js";

/** Where the state machine's source is, for its header comment. */
export interface SourceOf {
  readonly file: string;
  readonly exportName: string;
  /** Paths are written relative to this folder (the project's root). */
  readonly root?: string;
}

/** The `aws_sfn_state_machine`: its name, role, type, tags and definition, with logging, tracing and encryption where set. */
export function stateMachineBlock(context: ModuleContext, ir: WorkflowNode, id: string, definition: HclValue, source: SourceOf): Block {
  const { refs } = context;
  const tags: HclValue =
    ir.tags && Object.keys(ir.tags).length > 0 ? new Raw(`merge(var.tags, ${hclInline(ir.tags)})`) : new Raw("var.tags");
  const logging = ir.logging && ir.logging.level !== "OFF";
  const nested: Block[] = [];
  if (ir.logging) {
    nested.push({
      type: "logging_configuration",
      labels: [],
      attributes: [
        ...(logging ? ([["log_destination", `${refs.token(`aws_cloudwatch_log_group.${id}.arn`)}:*`]] as [string, HclValue][]) : []),
        ["include_execution_data", ir.logging.includeExecutionData ?? false],
        ["level", ir.logging.level],
      ],
    });
  }
  if (ir.tracing !== undefined) nested.push({ type: "tracing_configuration", labels: [], attributes: [["enabled", ir.tracing]] });
  if (ir.encryption) {
    nested.push({
      type: "encryption_configuration",
      labels: [],
      attributes: [
        ["kms_key_id", context.keyArn(ir.encryption.kmsKey)],
        ["kms_data_key_reuse_period_seconds", ir.encryption.reusePeriodSeconds ?? 300],
        ["type", "CUSTOMER_MANAGED_KMS_KEY"],
      ],
    });
  }
  const from = source.root ? relative(source.root, source.file).split(sep).join("/") : source.file;
  return {
    type: "resource",
    labels: ["aws_sfn_state_machine", id],
    comment: [`${ir.name}: from ${from} (export ${source.exportName}).`, generatedBy],
    attributes: [
      ["name", `${refs.token("var.name_prefix")}${ir.name}`],
      ["role_arn", new Raw(`aws_iam_role.${id}.arn`)],
      ["type", ir.type],
      ...(ir.publish !== undefined ? ([["publish", ir.publish]] as [string, HclValue][]) : []),
      ["tags", tags],
      ["definition", definition],
    ],
    blocks: nested,
  };
}
