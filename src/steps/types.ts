import type { AtPath, MergeResult, Nest } from "../data/path-string.js";

/** A type the user declared through a selector (rather than a path string the types can walk). */
export interface Picked<T> {
  readonly picked: T;
}

/** The raw state input, given the effective input and how `InputPath` selected it. */
export type RawIn<Eff, IP> = [IP] extends [null]
  ? unknown
  : IP extends Picked<infer T>
    ? T
    : unknown extends Eff
      ? Eff // not declared: the input it selects from is not known either (the compiler checks it where the step is used)
      : IP extends string
        ? Nest<IP, Eff>
        : Eff;

/** The state output after `OutputPath` (or JSONata `Output`). */
export type OutputAt<X, OP> = [OP] extends [null]
  ? {}
  : OP extends "$"
    ? X
    : OP extends string
      ? AtPath<X, OP>
      : OP extends Picked<infer T>
        ? T
        : X;

/** The output of a state that produces a result: ResultPath merges it, OutputPath selects. */
export type StateOutput<Eff, R, RP extends string | null, OP, IP> = OutputAt<MergeResult<RawIn<Eff, IP>, RP, R>, OP>;

/** What a catcher hands to its handler. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

/**
 * The handler's input: the error output, the state input with it merged at `resultPath`, or
 * (`resultPath: null`) the state input as it was. A step whose input is not declared does not
 * know what its handler gets besides the error: anything (the compiler checks what it reads).
 */
export type CatchInput<In, P> = [P] extends [string]
  ? unknown extends In
    ? any
    : MergeResult<In, P, ErrorOutput>
  : [P] extends [null]
    ? In
    : ErrorOutput;

/** Error names Step Functions raises (any string is accepted; these are completed by the IDE). */
export type ErrorName =
  | "States.ALL"
  | "States.HeartbeatTimeout"
  | "States.Timeout"
  | "States.TaskFailed"
  | "States.Permissions"
  | "States.ResultPathMatchFailure"
  | "States.ParameterPathFailure"
  | "States.QueryEvaluationError"
  | "States.BranchFailed"
  | "States.NoChoiceMatched"
  | "States.IntrinsicFailure"
  | "States.ExceedToleratedFailureThreshold"
  | "States.ItemReaderFailed"
  | "States.ResultWriterFailed"
  | "Lambda.ServiceException"
  | "Lambda.AWSLambdaException"
  | "Lambda.SdkClientException"
  | "Lambda.TooManyRequestsException"
  | (string & {});

/** Options of `.retry(...)`, as in ASL's Retrier. */
export interface RetryOptions {
  readonly errors: readonly ErrorName[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  /** `"FULL"` randomizes each delay between 0 and the computed interval. */
  readonly jitter?: "FULL" | "NONE";
  readonly comment?: string;
}

export type ElementOf<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;
export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
