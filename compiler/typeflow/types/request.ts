import type { SourceSpan } from "../../../src/ir/source.js";
import type { TaskNode } from "../../../src/ir/task.js";
import { statesOf } from "../../../src/ir/walk.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";

/**
 * How a Task's step takes part in the code around the workflow: a Lambda it calls (`handler`: the
 * function's own event and result; `invoke`: lambda:invoke, whose result is the Payload), a Lambda
 * called with a task token (`callback`: its return is ignored, the callback's output is the
 * result), or another integration waiting for a task token (`token`: only the callback).
 */
export type StepRole = "handler" | "invoke" | "callback" | "token";

/** What a workflow's types module needs to ask the type checker: plain data (it crosses to the checker's thread). */
export interface TypesRequest {
  readonly workflow: string;
  readonly file: string;
  /** The `workflow(` call: its input and output types. */
  readonly site: SourceSpan;
  readonly express: boolean;
  readonly steps: readonly {
    readonly state: string;
    readonly site: SourceSpan;
    readonly role: StepRole;
    /** Where the function's event is a field of the request: lambda.invoke given Invoke's own request, whose event is its Payload. */
    readonly eventField?: "Payload";
  }[];
}

function roleOf(task: TaskNode): StepRole | undefined {
  const r = task.resource;
  if (r.kind === "function") return "handler";
  if (r.kind !== "integration") return undefined;
  const lambda = r.service === "lambda" && r.action === "invoke" && !r.sdk;
  if (r.pattern === "waitForTaskToken") return lambda ? "callback" : "token";
  return lambda && r.pattern === "requestResponse" ? "invoke" : undefined;
}

/** The request for a workflow written in code (one read from ASL has no types to ask for). */
export function typesRequest(ir: WorkflowNode, file: string): TypesRequest | undefined {
  if (!ir.source) return undefined;
  const steps = statesOf(ir).flatMap(({ state }) => {
    if (state.kind !== "Task" || !state.source) return [];
    const role = roleOf(state);
    if (!role) return [];
    // lambda:invoke sends the step's payload as Payload, unless the request was written as AWS takes it.
    const requestWhole = (role === "invoke" || role === "callback") && state.payloadField === undefined;
    return [{ state: state.name, site: state.source, role, ...(requestWhole ? { eventField: "Payload" as const } : {}) }];
  });
  return { workflow: ir.name, file, site: ir.source, express: ir.type === "EXPRESS", steps };
}
