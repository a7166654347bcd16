import type { WorkflowNode } from "../../src/ir/workflow.js";
import type { Namer } from "./names.js";

/** The workflow's input type, declared where the data enters. */
export function inputTypes(_ir: WorkflowNode, _namer: Namer, _name: string): { declarations: string[]; input?: string } {
  return { declarations: [] };
}
