import type { WorkflowNode } from "../../../src/ir/index.ts";
import { copyFields, workflowFields } from "../../asl/fields.ts";
import type { AslEmitOptions, AslObject } from "./context.ts";
import { emitGraph } from "./graph.ts";

/** The ASL definition of a workflow, as a plain object ready for `JSON.stringify`. */
export function emitAsl(workflow: WorkflowNode, options: AslEmitOptions = {}): AslObject {
  const out: AslObject = {};
  copyFields(workflow, out, workflowFields, "toAsl");
  const { StartAt, States } = emitGraph({ startAt: workflow.startAt, states: workflow.states }, options);
  out.StartAt = StartAt;
  out.States = States;
  return out;
}
