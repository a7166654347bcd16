import type { AtPath, MergeResult } from "../data/path-string.js";
import type { IsAny, Picked } from "./types.js";

// Each recipe has a key of its own that no module exports: a user's type never matches one.
declare const inputAtKey: unique symbol;
declare const resultAtKey: unique symbol;
declare const outputAtKey: unique symbol;
declare const succeededKey: unique symbol;

/*
 * A step's output, where it depends on the input the step actually receives (ResultPath merges,
 * Pass and Wait pass their input on), is written as a recipe rather than a type: `.next` applies it
 * to the output of the step before, so no field that step gave is lost. A recipe is what a step's
 * type shows as its output: `Task<Order, ResultAt<"$.payment", Payment>, ...>` reads "the input,
 * with Payment at $.payment"; a chain shows the output worked out.
 */

/** The step's input at `P` (its InputPath; `"$"`: all of it, `null`: `{}`): what Pass and Wait pass on. */
export interface InputAt<P> {
  readonly [inputAtKey]: P;
}

/**
 * The step's input with `Result` written at `Path` (ASL ResultPath). `null`: the input as it came,
 * the result dropped (kept here for the methods that still read it).
 */
export interface ResultAt<Path extends string | null, Result> {
  readonly [resultAtKey]: { readonly path: Path; readonly result: Result };
}

/** What `Path` selects of `Of` (ASL OutputPath; `null`: `{}`; a selector's pick: its type). */
export interface OutputAt<Path, Of> {
  readonly [outputAtKey]: { readonly path: Path; readonly of: Of };
}

/** A Succeed state ends the execution here with `Input`: nothing follows, and the workflow's output includes it. */
export interface Succeeded<Input> {
  readonly [succeededKey]: Input;
}

/** What `OutputPath` (or JSONata `Output`) leaves of `X`. */
export type SelectAt<X, P> = [P] extends [null]
  ? {}
  : P extends "$"
    ? X
    : P extends string
      ? AtPath<X, P>
      : P extends Picked<infer T>
        ? T
        : X;

/** The input at an InputPath `P`. */
export type EffectiveInput<Actual, P> = [P] extends [null] ? {} : P extends string ? AtPath<Actual, P> : Actual;

/** The output a recipe `O` (or a plain type, given as it is) gives when the step receives `Actual`. */
export type Apply<Actual, O> =
  IsAny<O> extends true
    ? O
    : O extends Succeeded<infer E>
      ? Succeeded<Apply<Actual, E>>
      : O extends OutputAt<infer P, infer Of>
        ? SelectAt<Apply<Actual, Of>, P>
        : O extends ResultAt<infer P, infer R>
          ? MergeResult<Actual, P, [R] extends [InputAt<infer Q>] ? EffectiveInput<Actual, Q> : R>
          : O extends InputAt<infer P>
            ? EffectiveInput<Actual, P>
            : O;

/** What goes on to the next step: an output without the ends where a Succeed state stops. */
export type Continuing<O> = O extends Succeeded<unknown> ? never : O;
/** The recipes of `O` that end the execution (a Succeed state's). */
export type Ending<O> = O extends Succeeded<unknown> ? O : never;
/** What the execution ends with: the output going on, and what each Succeed state receives. */
export type Final<O> = O extends Succeeded<infer E> ? E : O;

// The builder methods change one stage of a recipe and keep the others (in any order they are called).

/** The result a recipe writes: a Task's, Map's or Parallel's result, a Pass's Result or Parameters. */
export type ResultOf<O> =
  IsAny<O> extends true
    ? O
    : [O] extends [OutputAt<unknown, infer Of>]
      ? ResultOf<Of>
      : [O] extends [ResultAt<string | null, infer R>]
        ? R
        : O;

/** `O` with its result replaced (ResultSelector, a Pass's Result or Parameters). */
export type WithResult<O, R> =
  IsAny<O> extends true
    ? R
    : [O] extends [OutputAt<infer P, infer Of>]
      ? OutputAt<P, WithResult<Of, R>>
      : [O] extends [ResultAt<infer P, unknown>]
        ? ResultAt<P, R>
        : R;

/** `O` writing its result at `P` (ResultPath: `"$"` is the result itself). */
export type WithResultPath<O, P extends string | null> = [O] extends [OutputAt<infer Q, infer Of>]
  ? IsAny<O> extends true
    ? ResultAtPath<P, O>
    : OutputAt<Q, WithResultPath<Of, P>>
  : ResultAtPath<P, ResultOf<O>>;
type ResultAtPath<P extends string | null, R> = P extends "$" ? R : ResultAt<P, R>;

/** `O` with its OutputPath set (`"$"`: none). */
export type WithOutputPath<O, P> = P extends "$" ? Unselected<O> : OutputAt<P, Unselected<O>>;
/** `O` before its OutputPath. */
export type Unselected<O> = IsAny<O> extends true ? O : [O] extends [OutputAt<unknown, infer Of>] ? Of : O;

/** `O` passing on its input at `P` where it passes its input on (a Pass's or Wait's InputPath). */
export type WithInputPath<O, P> =
  IsAny<O> extends true
    ? O
    : [O] extends [OutputAt<infer Q, infer Of>]
      ? OutputAt<Q, WithInputPath<Of, P>>
      : [O] extends [ResultAt<infer Q, infer R>]
        ? ResultAt<Q, WithInputPath<R, P>>
        : [O] extends [InputAt<unknown>]
          ? InputAt<P>
          : O;

/** The effective input a recipe's stage reads (a Pass's Parameters): its input at its InputPath. */
export type InputPathOf<O> = [O] extends [OutputAt<unknown, infer Of>]
  ? InputPathOf<Of>
  : [O] extends [ResultAt<string | null, infer R>]
    ? InputPathOf<R>
    : [O] extends [InputAt<infer P>]
      ? P
      : "$";
