import type { MergeResult, Walkable } from "../data/path-string.js";

/** A type the user declared through a selector (rather than a path string the types can walk). */
export interface Picked<T> {
  readonly picked: T;
}

type FirstField<P extends string> = P extends `$.${infer F}.${string}` ? F : P extends `$.${infer F}` ? F : never;
type AfterFirst<P extends string> = P extends `$.${string}.${infer Rest}` ? `$.${Rest}` : "$";

/**
 * The input a step takes when its InputPath `Path` selects `T` from it: `Holding<"$.order", Order>`
 * is `{ order: Order }`. (A type of its own, so a later `.parameters` can find the path again.)
 */
export type Holding<Path extends string, T> = { [K in FirstField<Path>]: AfterFirst<Path> extends "$" ? T : Holding<AfterFirst<Path>, T> };

/**
 * The input a step takes when its InputPath is a selector on a declared input `Raw`, selecting
 * `Selected`: `Raw` itself. (A type of its own, so a later `.parameters` builds from `Selected`;
 * a selection not declared is `any` here, never `unknown`, which is what a type that is not a
 * `Selecting` would seem to select.)
 */
// biome-ignore lint/correctness/noUnusedVariables: Selected is carried for the type's name, as the comment above says
export type Selecting<Raw, Selected> = { [K in keyof Raw]: Raw[K] };
/** The input a selector-form InputPath leaves: the declared input it selects `S` from. */
export type SelectingFrom<Raw, S> = unknown extends Raw ? Raw : Selecting<Raw, unknown extends S ? any : S>;

/** Whether `T` is `any` (where a conditional type would otherwise take both branches). */
export type IsAny<T> = 0 extends 1 & T ? true : false;
type HoldingParts<In> = IsAny<In> extends true ? never : In extends Holding<infer P, infer T> ? (string extends P ? never : [P, T]) : never;
type IsUnknown<T> = unknown extends T ? (IsAny<T> extends true ? false : true) : false;
type SelectingParts<In> =
  IsAny<In> extends true
    ? never
    : In extends Selecting<infer Raw, infer Selected>
      ? IsUnknown<Selected> extends true
        ? never
        : [Raw, Selected]
      : never;

/** The part of the input the step works on (what its InputPath selected), given the input it takes. */
export type EffectiveOf<In> = [SelectingParts<In>] extends [never]
  ? [HoldingParts<In>] extends [never]
    ? In
    : HoldingParts<In>[1]
  : SelectingParts<In>[1];

/** What a selector-form InputPath selected (what `.parameters` then builds from), else not declared. */
export type SelectedBy<In> = [SelectingParts<In>] extends [never] ? unknown : SelectingParts<In>[1];

/** The input a step takes once its request is built from `X`: `X`, under the InputPath that selects it. */
export type InputAfterRequest<In, X> = [SelectingParts<In>] extends [never]
  ? [HoldingParts<In>] extends [never]
    ? X
    : RawInput<HoldingParts<In>[0], X>
  : In;

/** The input a step takes once its InputPath `P` selects `Eff` (not declared: nothing is known of the rest either). */
export type RawInput<P, Eff> = [P] extends [null]
  ? unknown
  : unknown extends Eff
    ? Eff
    : P extends "$"
      ? Eff
      : Walkable<P & string> extends false
        ? unknown
        : P extends `$.${string}`
          ? Holding<P, Eff>
          : unknown;

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
