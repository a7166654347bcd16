import type { JsonPath, WritePath } from "../data/path-string.js";
import type { ContextObject } from "../data/proxy.js";
import { $$, rootRef } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { Resolve, Template } from "../data/template.js";
import type { Chainable, inType, Loose, NextOf, outType } from "./chain.js";
import type { Apply, ResultOf, Unselected, WithOutputPath, WithResult, WithResultPath } from "./flow.js";
import { catchDraft, type CatchOptions, recordBuild, recordSelector, retrierOf } from "./io.js";
import type { MapStep } from "./map.js";
import type { Parallel } from "./parallel.js";
import { callSite } from "./source.js";
import { NextableStepValue, type Step } from "./step.js";
import type { Task } from "./task.js";
import type {
  CatchInput,
  EffectiveOf,
  ErrorName,
  InputAfterRequest,
  Picked,
  RawInput,
  RetryOptions,
  SelectedBy,
  SelectingFrom,
} from "./types.js";

export type ResultKind = "Task" | "Parallel" | "Map";

/**
 * What a step's work receives and returns, as a function: a Task's integration, `(request: Req) => Res`
 * (what a test mock stands in for).
 */
export type Call = (request: never) => unknown;
/** What a Map's or Parallel's Parameters build from: the part of its input its InputPath selects (no integration of its own). */
export type BuildsFromInput<In> = (request: EffectiveOf<In>) => unknown;
/** The request a call receives. */
export type RequestOf<Io extends Call> = Io extends (request: infer Req) => unknown ? Req : never;

/** The step of kind `K` with this input, output and integration: each kind's own class, so a hover reads `Task<In, Out, ...>`. */
export type StepOf<K extends ResultKind, In, Out, Io extends Call> = K extends "Task"
  ? Task<In, Out, Io>
  : K extends "Map"
    ? MapStep<In, Out>
    : Parallel<In, Out>;

/**
 * A state that produces a result — Task, Parallel, Map — with ASL's data flow:
 * input →InputPath→ →Parameters→ request → result →ResultSelector→ →ResultPath→ →OutputPath→ output.
 * `In` is the state input; `Out` the output, a recipe (flow.ts) where it depends on the input; the
 * methods may be called in any order.
 */
export abstract class ResultStep<K extends ResultKind, In, Out, Io extends Call> extends NextableStepValue<K> implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextOf<In, Out>;

  /**
   * Selects the part of the state input the step works on (`"$.order"`); `null` gives it `{}`.
   * @example task("Reserve", lambda<Line[], { reserved: boolean }>("reserve-lines")).inputPath("$.lines")
   */
  inputPath<P extends `$${string}` | null>(path: P): StepOf<K, RawInput<P, EffectiveOf<In>>, Out, Io>;
  /** Selects the part of the (declared) state input the step works on: `($: Ref<Order>) => $.customer`. */
  inputPath<Raw, S extends EffectiveOf<In> = EffectiveOf<In>>(
    selector: ($: Ref<Raw>, $$: Ref<ContextObject>) => RefBase<S>,
  ): StepOf<K, SelectingFrom<Raw, S>, Out, Io>;
  inputPath(path: unknown): unknown {
    return this.with({ inputPath: path === null ? null : recordSelector(path as string) });
  }

  /**
   * Builds the request from the input (JSONPath `Parameters`): leaves are references, intrinsics or
   * literals. `.parameters<Order>($ => ({ id: $.order.id, source: "web" }))`.
   * @example charge.parameters(($: Ref<Order>) => ({ orderId: $.orderId, amount: $.total }))
   */
  parameters<X = SelectedBy<In>>(
    build: ($: Ref<X>, $$: Ref<ContextObject>) => Template<RequestOf<Io>>,
  ): StepOf<K, InputAfterRequest<In, X>, Out, Io> {
    return this.with({ parameters: recordBuild(build) });
  }

  /**
   * Builds the request from the input (JSONata `Arguments`).
   * @example charge.arguments(($: Ref<Order>) => ({ orderId: $.orderId, amount: $.total }))
   */
  arguments<X = SelectedBy<In>>(
    build: ($: Ref<X>, $$: Ref<ContextObject>) => Template<RequestOf<Io>>,
  ): StepOf<K, InputAfterRequest<In, X>, Out, Io> {
    return this.with({ arguments: recordBuild(build) });
  }

  /**
   * Reshapes the result before ResultPath: `.resultSelector(r => ({ id: r.Payload.id }))`.
   * @example charge.resultSelector((result) => ({ chargeId: result.Payload.chargeId }))
   */
  resultSelector<B extends object>(
    build: (result: Ref<ResultOf<Out>>, $$: Ref<ContextObject>) => B,
  ): StepOf<K, In, WithResult<Out, Resolve<B>>, Io> {
    return this.with({ resultSelector: build(rootRef<ResultOf<Out>>({ kind: "result" }), $$) });
  }

  /**
   * Where the result goes: replaces the input (`"$"`), merges into it (`"$.charge"`), or is dropped (`null`).
   * @example charge.resultPath("$.charge")
   */
  resultPath<P extends WritePath | null>(path: P): StepOf<K, In, WithResultPath<Out, P>, Io> {
    return this.with({ resultPath: path });
  }

  /**
   * Selects the part of the output passed on (`"$.charge.id"`).
   * @example charge.resultPath("$.charge").outputPath("$.charge")
   */
  outputPath<P extends JsonPath<OutputBefore<In, Out>> | null>(path: P): StepOf<K, In, WithOutputPath<Out, P>, Io>;
  outputPath<O>(
    selector: ($: Ref<OutputBefore<In, Out>>, $$: Ref<ContextObject>) => RefBase<O>,
  ): StepOf<K, In, WithOutputPath<Out, Picked<O>>, Io>;
  outputPath(path: unknown): unknown {
    return this.with({ outputPath: path === null ? null : recordSelector(path as string) });
  }

  /**
   * JSONata `Output`: the state output, built from the input and the result.
   * @example charge.output(($, result) => ({ orderId: $.orderId, chargeId: result.Payload.chargeId }))
   */
  output<B>(
    build: ($: Ref<In>, result: Ref<ResultOf<Out>>, $$: Ref<ContextObject>) => B,
  ): StepOf<K, In, WithOutputPath<Out, Picked<Resolve<B>>>, Io> {
    return this.with({
      output: build(rootRef<In>({ kind: "input" }), rootRef<ResultOf<Out>>({ kind: "result" }), $$),
    });
  }

  /**
   * Sets workflow variables from the input and the result (`Assign`).
   * @example charge.assign(($, result) => ({ chargeId: result.Payload.chargeId }))
   */
  assign(build: ($: Ref<In>, result: Ref<ResultOf<Out>>, $$: Ref<ContextObject>) => Record<string, unknown>): this {
    return this.with({
      assign: build(rootRef<In>({ kind: "input" }), rootRef<ResultOf<Out>>({ kind: "result" }), $$),
    });
  }

  /**
   * Retries on the given errors; call again for more retriers (they are tried in order).
   * @example charge.retry({ errors: ["Lambda.TooManyRequestsException"], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 })
   */
  retry(options: RetryOptions): this {
    return this.with({ retry: [...(this.draft.fields.retry ?? []), retrierOf(options)] });
  }

  /**
   * Goes to `handler` when one of `errors` is raised (after retries). The handler receives
   * `{ Error, Cause }`, or the state input with it merged at `resultPath`.
   * @example charge.catch(["States.ALL"], pass("ChargeFailed"), { resultPath: "$.error" })
   */
  catch<P extends WritePath | null | undefined = undefined>(
    errors: ErrorName | readonly ErrorName[],
    handler: Chainable<NoInfer<Loose<CatchInput<In, P>>>, unknown>,
    options?: CatchOptions<P>,
  ): this {
    const source = callSite();
    const catcher = { ...catchDraft(errors, handler, options as CatchOptions<unknown>), ...(source ? { source } : {}) };
    return this.with({ catch: [...(this.draft.fields.catch ?? []), catcher] });
  }
}

/** The output before OutputPath selects from it: what `.outputPath` reads. */
export type OutputBefore<In, Out> = Apply<In, Unselected<Out>>;
