import type { Workflow } from "../workflow.js";
import { isWorkflow } from "../workflow.js";
import { integration, type Integration, type ResourceName, targetOf, withPattern } from "./integration.js";

export interface StartExecutionResult {
  ExecutionArn: string;
  StartDate: string;
}

/** A finished child execution (the result of `.sync()`): its output, parsed. */
export interface ChildExecution<Out> {
  ExecutionArn: string;
  StateMachineArn: string;
  Name: string;
  Status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";
  StartDate: string;
  StopDate: string;
  Input: unknown;
  Output: Out;
}

export interface StartExecution<In, Out> extends Integration<In, StartExecutionResult> {
  /** Waits for the child to finish; its output arrives parsed as JSON (`.sync:2`). */
  sync(): Integration<In, ChildExecution<Out>>;
  /** Waits for the child to finish; its output arrives as a JSON string (`.sync`). */
  syncWithStringOutput(): Integration<In, ChildExecution<string>>;
  waitForTaskToken<CallbackOut = unknown>(): Integration<In, CallbackOut>;
}

/** AWS Step Functions, calling another state machine. */
export const stepFunctions = {
  /**
   * Starts an execution of `child` with the step's input (or what `.parameters` builds). Typed by the
   * child workflow's input and output when given a `workflow(...)`.
   * @example task("Fulfil", stepFunctions.startExecution(fulfilment).sync())
   */
  startExecution<In, Out>(child: Workflow<In, Out> | ResourceName): StartExecution<In, Out> {
    const target = isWorkflow(child) ? ({ kind: "name", service: "states", name: child.name } as const) : targetOf(child as ResourceName, "states");
    const base = integration<In, StartExecutionResult>({
      resource: {
        kind: "integration",
        service: "states",
        action: "startExecution",
        pattern: "requestResponse",
        sdk: false,
        target,
        targetField: "StateMachineArn",
      },
      wrap: "Input",
      patterns: ["requestResponse", "sync", "sync:2", "waitForTaskToken"],
    });
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync:2"),
      syncWithStringOutput: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
