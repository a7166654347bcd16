import type { WorkflowNode } from "../../../src/ir/index.js";
import { copyFields, workflowFields } from "../../asl/fields.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { emitGraph } from "./graph.js";

/** The ASL definition of a workflow, as a plain object ready for `JSON.stringify`. */
export function emitAsl(workflow: WorkflowNode, options: AslEmitOptions = {}): AslObject {
  const out: AslObject = {};
  copyFields(workflow, out, workflowFields, "toAsl");
  const { StartAt, States } = emitGraph({ startAt: workflow.startAt, states: workflow.states }, options);
  out.StartAt = StartAt;
  out.States = States;
  return out;
}
