import { type inType, isWorkflowValue, type outType } from "../data/markers.js";
import type { TargetRef } from "../ir/resource.js";
import { defineIntegration, type IamStatement, isSync, literalField, managedRule, onResource, resourceOf } from "./descriptor.js";
import { integration, type Integration, type ResourceName, targetOf, withPattern } from "./integration.js";

export const stepFunctionsStartExecution = defineIntegration({
  helper: "stepFunctions.startExecution",
  service: "states",
  action: "startExecution",
  patterns: ["requestResponse", "sync", "sync:2", "waitForTaskToken"],
  required: ["StateMachineArn"],
  targetField: "StateMachineArn",
  // Starting a version or an alias is authorized on the state machine's own (unqualified) ARN, scoped
  // to the qualifier by the states:StateMachineQualifier condition key:
  // https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html",
  iam: (context) => {
    const machine = context.target ?? literalField(context.request, "StateMachineArn");
    const { unqualified, qualifier } = context.qualified ?? splitQualifier(machine);
    const start: IamStatement = {
      ...onResource(unqualified, "the state machine is chosen at run time", "states:StartExecution"),
      ...(unqualified && qualifier !== undefined ? { condition: { StringEquals: { "states:StateMachineQualifier": qualifier } } } : {}),
    };
    if (!isSync(context.pattern)) return [start];
    // Executions belong to the state machine, whichever version or alias started them.
    const executions = executionsOf(unqualified);
    return [
      start,
      onResource(executions, "the state machine is chosen at run time", "states:DescribeExecution", "states:StopExecution"),
      managedRule(context, "StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    ];
  },
  localRun: "mock",
});

/** A target with a version or alias: an ARN's suffix, a name's or a reference's qualifier. */
function qualifiedTarget(target: TargetRef, qualifier: string): TargetRef {
  return target.kind === "arn" ? { kind: "arn", arn: `${target.arn}:${qualifier}` } : { ...target, qualifier };
}

/** A state machine ARN written out, split into the state machine's own ARN and its version or alias, if it names one. */
function splitQualifier(machine: string | undefined): { unqualified?: string; qualifier?: string } {
  const match = machine && /^(arn:[^:]+:states:[^:]*:[^:]*:stateMachine:[^:]+):([^:]+)$/.exec(machine);
  return match ? { unqualified: match[1]!, qualifier: match[2]! } : machine ? { unqualified: machine } : {};
}

/** The ARN pattern of a state machine's executions, from its ARN written out (undefined for a reference). */
function executionsOf(machine: string | undefined): string | undefined {
  if (!machine) return undefined;
  const written = /^arn:([^:]+):states:([^:]*):([^:]*):stateMachine:([^:]+)$/.exec(machine);
  return written ? `arn:${written[1]}:states:${written[2]}:${written[3]}:execution:${written[4]}:*` : undefined;
}

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
   * child workflow's input and output when given a `workflow(...)`. `alias` (or `version`) starts
   * the child's alias (or version) instead of its latest revision; the role may start that one only.
   * @example task("Fulfil", stepFunctions.startExecution(orders, { alias: "live" }).sync())
   */
  startExecution<In, Out>(
    child: ChildWorkflow<In, Out> | ResourceName,
    options: { readonly alias?: string; readonly version?: number } = {},
  ): StartExecution<In, Out> {
    const qualifier = options.alias ?? (options.version !== undefined ? String(options.version) : undefined);
    const named = isWorkflowValue(child)
      ? ({ kind: "name", service: "states", name: (child as ChildWorkflow<In, Out>).name } as const)
      : targetOf(child as ResourceName, "states");
    const target = qualifier === undefined ? named : qualifiedTarget(named, qualifier);
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
