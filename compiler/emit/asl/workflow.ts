import type { WorkflowNode } from "../../../src/ir/index.js";
import { copyFields, workflowFields } from "../../asl/fields.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { emitGraph } from "./graph.js";

/**
 * The ASL definition of a workflow, as a plain object ready for `JSON.stringify`.
 * @example const asl = emitAsl(orders.assemble().ir, { region: "us-east-1", account: "123456789012" });
 */
export function emitAsl(workflow: WorkflowNode, options: AslEmitOptions = {}): AslObject {
  const out: AslObject = {};
  copyFields(workflow, out, workflowFields, "toAsl");
  const { StartAt, States } = emitGraph({ startAt: workflow.startAt, states: workflow.states }, options);
  out.StartAt = StartAt;
  out.States = States;
  return out;
}
