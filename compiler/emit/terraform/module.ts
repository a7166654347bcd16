import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { codePointOrder } from "../../base/order.js";
import { aliasBlocks, aliasOutputs } from "./aliases.js";
import { alarmBlocks } from "./alarms.js";
import { logGroupBlock } from "./log-group.js";
import { outputBlocks } from "./outputs.js";
import { policyBlock } from "./policy.js";
import { roleBlock } from "./role.js";
import { variableBlocks, versionsBlocks } from "./shared-files.js";
import { stateMachineBlock } from "./state-machine.js";
import { generatedBy, ModuleContext } from "./context.js";
import { type DefinitionMode, definitionOf } from "./definition.js";
import { type AslWithTargets, emitAslWithTargets } from "../asl/index.js";
import { type Block, hclFile } from "./hcl.js";

export type { DefinitionMode };

export interface TerraformOptions {
  readonly region?: string;
  readonly account?: string;
  readonly partition?: string;
  /** `jsonencode` (default): the definition as an HCL object; `templatefile`: read from `<name>.asl.json`. */
  readonly definition?: DefinitionMode;
  /** Paths in header comments are written relative to this folder (the project's root). */
  readonly root?: string;
}

export interface TerraformWorkflow {
  readonly ir: WorkflowNode;
  readonly file: string;
  readonly exportName: string;
  /** Its ASL as the build emitted it, targets left as holes (emitted here where not given). */
  readonly emitted?: AslWithTargets | undefined;
}

/** The module: file name → text. `<name>.tf` per workflow, plus data.tf, variables.tf, outputs.tf, versions.tf. */
export interface TerraformModule {
  readonly files: Readonly<Record<string, string>>;
  /** Per workflow, the files that are its own (the rest are shared by the module). */
  readonly byWorkflow: Readonly<Record<string, readonly string[]>>;
  /** Per workflow, the ASL its definition evaluates to, with `${reference}` standing for each ARN Terraform fills in. */
  readonly definitions: Readonly<Record<string, Record<string, unknown>>>;
}

/**
 * The Terraform for a set of workflows, as one module: each state machine with its role, policy, log
 * group and alarms (a file of blocks each, one builder per block kind, a file each); the data sources
 * they look up, declared once; variables, outputs and the provider by convention.
 * @example const { files } = await emitTerraform([{ ir: orders.assemble().ir, file: "workflows/orders.ts", exportName: "orders" }], { region: "us-east-1", account: "123456789012" });
 */
export async function emitTerraform(workflows: readonly TerraformWorkflow[], options: TerraformOptions = {}): Promise<TerraformModule> {
  const sorted = [...workflows].sort((a, b) => codePointOrder(a.ir.name, b.ir.name));
  const context = new ModuleContext(
    sorted.map((w) => w.ir),
    options,
  );
  const files: Record<string, string> = {};
  const byWorkflow: Record<string, string[]> = {};
  const definitions: Record<string, Record<string, unknown>> = {};
  const outputs: Block[] = [];
  for (const { ir, file, exportName, emitted } of sorted) {
    const id = context.ids.of(ir.name);
    const definition = await definitionOf(context, ir, emitted ?? emitAslWithTargets(ir, context.partition), options.definition);
    definitions[ir.name] = definition.evaluated;
    const own: string[] = [`${ir.name}.tf`];
    if (definition.template !== undefined) {
      files[`${ir.name}.asl.json`] = definition.template;
      own.push(`${ir.name}.asl.json`);
    }
    const source = { file, exportName, ...(options.root !== undefined ? { root: options.root } : {}) };
    const blocks = [
      stateMachineBlock(context, ir, id, definition.value, source),
      roleBlock(context, ir, id),
      policyBlock(context, ir, id),
      logGroupBlock(context, ir, id),
      ...aliasBlocks(context, ir, id),
      ...alarmBlocks(ir, id, context.refs),
    ].filter((b): b is Block => b !== undefined);
    files[`${ir.name}.tf`] = hclFile(blocks, context.refs);
    byWorkflow[ir.name] = own;
    outputs.push(...outputBlocks(context, ir, id), ...aliasOutputs(context, ir));
  }
  files["variables.tf"] = hclFile(variableBlocks(sorted.map((w) => w.ir)), context.refs, [generatedBy]);
  files["outputs.tf"] = hclFile(outputs, context.refs, [generatedBy]);
  files["versions.tf"] = hclFile(versionsBlocks(), context.refs, [generatedBy]);
  const data = context.dataSources();
  if (data.length > 0) files["data.tf"] = hclFile(data, context.refs, [generatedBy, "What the workflows call, looked up by name."]);
  return { files, byWorkflow, definitions };
}
