import { type inType, isWorkflowValue, type outType } from "../data/markers.js";
import { anyResource, defineIntegration, isSync, literalField, managedRule, resourceOf } from "./descriptor.js";
import { integration, type Integration, type ResourceName, targetOf, withPattern } from "./integration.js";

export const stepFunctionsStartExecution = defineIntegration({
  helper: "stepFunctions.startExecution",
  service: "states",
  action: "startExecution",
  patterns: ["requestResponse", "sync", "sync:2", "waitForTaskToken"],
  required: ["StateMachineArn"],
  targetField: "StateMachineArn",
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html",
  iam: (context) => {
    // A version or alias ARN (`…:stateMachine:name:qualifier`) is granted as written.
    const machine = context.target ?? literalField(context.request, "StateMachineArn");
    const start = machine
      ? { actions: ["states:StartExecution"], resources: [machine] }
      : anyResource("the state machine is chosen at run time", "states:StartExecution");
    if (!isSync(context.pattern)) return [start];
    // Executions belong to the state machine, whichever version or alias started them.
    const executions = machine ? machine.replace(/:stateMachine:([^:]+)(:.*)?$/, ":execution:$1:*") : undefined;
    return [
      start,
      executions && executions !== machine
        ? { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [executions] }
        : anyResource("the state machine is chosen at run time", "states:DescribeExecution", "states:StopExecution"),
      managedRule(context, "StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    ];
  },
  localRun: "mock",
});

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

/** A workflow started as a child, as `workflow(...)` makes one: its name, and the input and output types it is checked by. */
export interface ChildWorkflow<In, Out> {
  readonly name: string;
  readonly [inType]: (input: In) => void;
  readonly [outType]: Out;
}

/** AWS Step Functions, calling another state machine. */
export const stepFunctions = {
  /**
   * Starts an execution of `child` with the step's input (or what `.parameters` builds). Typed by the
   * child workflow's input and output when given a `workflow(...)`.
   * @example task("Fulfil", stepFunctions.startExecution(orders).sync())
   */
  startExecution<In, Out>(child: ChildWorkflow<In, Out> | ResourceName): StartExecution<In, Out> {
    const target = isWorkflowValue(child)
      ? ({ kind: "name", service: "states", name: (child as ChildWorkflow<In, Out>).name } as const)
      : targetOf(child as ResourceName, "states");
    const base = integration<In, StartExecutionResult>({
      resource: resourceOf(stepFunctionsStartExecution, { target }),
      wrap: "Input",
      patterns: stepFunctionsStartExecution.patterns,
    });
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync:2"),
      syncWithStringOutput: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
