import { codePointOrder } from "../../base/order.js";
import type { TypeOps } from "../uses/types.js";
import type { TypesRequest } from "./request.js";
import { type Declarations, type Shape, shapeOf } from "./shape.js";

/** A workflow's types, as its module and schemas write them: plain data. */
export interface WorkflowTypes {
  readonly workflow: string;
  readonly file: string;
  readonly express: boolean;
  readonly input: Shape;
  readonly output: Shape;
  /** Each Lambda a state calls: the event it receives, and what it returns (undefined: nothing is read of it, a callback's Lambda). */
  readonly handlers: readonly { readonly state: string; readonly event: Shape; readonly result?: Shape }[];
  /** Each state waiting for a task token: the output its callback must send. */
  readonly callbacks: readonly { readonly state: string; readonly output: Shape }[];
  /** The named types the shapes refer to, by name. */
  readonly declarations: readonly (readonly [string, Shape])[];
}

/** Asks a type checker the types of a workflow and of each step that takes part in the code around it. */
export async function collectTypes<T>(ops: TypeOps<T>, request: TypesRequest): Promise<WorkflowTypes> {
  const declarations: Declarations = new Map();
  // The named types are declared in the order of their names (below): the order answers come in does not show.
  const input = await shapeOf(ops, await ops.inputOf(request.site), declarations);
  const output = await shapeOf(ops, await ops.outputOf(request.site), declarations);
  const handlers: { state: string; event: Shape; result?: Shape }[] = [];
  const callbacks: { state: string; output: Shape }[] = [];
  for (const step of request.steps) {
    const result = await ops.resultOf(step.site);
    if (step.role === "token" || step.role === "callback")
      callbacks.push({ state: step.state, output: await shapeOf(ops, result, declarations) });
    if (step.role === "token") continue;
    const request = await ops.requestOf(step.site);
    const event = await shapeOf(
      ops,
      step.eventField && request ? (await ops.field(request, step.eventField))?.type : request,
      declarations,
    );
    // lambda:invoke's result is the function's return value under Payload.
    const returned = step.role === "invoke" && result !== undefined ? (await ops.field(result, "Payload"))?.type : result;
    handlers.push({
      state: step.state,
      event,
      ...(step.role !== "callback" ? { result: await shapeOf(ops, returned, declarations) } : {}),
    });
  }
  return {
    workflow: request.workflow,
    file: request.file,
    express: request.express,
    input,
    output,
    handlers,
    callbacks,
    declarations: [...declarations].sort(([a], [b]) => codePointOrder(a, b)),
  };
}
