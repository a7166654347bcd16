import type { DraftWrite } from "./draft.js";
import type { JsonPath, WritePath } from "../data/path-string.js";
import type { ContextObject } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { Resolve } from "../data/template.js";
import type { inType, NextOf, outType } from "./chain.js";
import type {
  Apply,
  EffectiveInput,
  InputAt,
  InputPathOf,
  Unselected,
  WithInputPath,
  WithOutputPath,
  WithResult,
  WithResultPath,
} from "./flow.js";
import { recordBuild, recordSelector } from "./io.js";
import { NextableStepValue, newDraft, type Step } from "./step.js";
import type { Picked } from "./types.js";

/** What a Pass's Parameters read: the input at its InputPath. */
type PassInput<In, Out> = EffectiveInput<In, InputPathOf<Out>>;

/**
 * A Pass state: takes `In`, and passes on its input (`InputAt<"$">`), or a fixed `result`, or what
 * `parameters` builds, merged at `resultPath` (`ResultAt<"$.shape", Shape>`). Its output is worked
 * out from the input the step actually receives, so fields pass through.
 */
export class Pass<In, Out = InputAt<"$">> extends NextableStepValue<"Pass"> implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextOf<In, Out>;

  /**
   * Selects part of the input to work on.
   * @example pass<Order>("Customer").inputPath("$.customer")
   */
  inputPath<P extends JsonPath<In>>(path: P): Pass<In, WithInputPath<Out, P>> {
    return this.with({ inputPath: path });
  }
  /**
   * A fixed result (JSON).
   * @example pass("Defaults").result({ retries: 3 })
   */
  result<const V>(value: V): Pass<In, WithResult<Out, V>> {
    return this.with({ result: value });
  }
  /**
   * Builds the result from the input: `pass<Order>("Shape").parameters($ => ({ id: $.id }))`, or
   * with an undeclared input, `.parameters(($: Ref<Order>) => ...)`.
   * @example pass<Order>("Shape").parameters(($) => ({ id: $.orderId, total: $.total }))
   */
  parameters<B, X = PassInput<In, Out>>(
    build: ($: Ref<X>, $$: Ref<ContextObject>) => B,
  ): Pass<unknown extends In ? X : In, WithResult<Out, Resolve<B>>> {
    return this.with({ parameters: recordBuild(build) });
  }
  /**
   * Where the result goes in the input; `null` keeps the input unchanged.
   * @example pass<Order>("Defaults").result({ retries: 3 }).resultPath("$.settings")
   */
  resultPath<P extends WritePath | null>(path: P): Pass<In, WithResultPath<Out, P>> {
    return this.with({ resultPath: path });
  }
  /**
   * Selects the part of the output passed on.
   * @example pass<Order>("Customer").outputPath("$.customer")
   */
  outputPath<P extends JsonPath<Apply<In, Unselected<Out>>>>(path: P): Pass<In, WithOutputPath<Out, P>>;
  outputPath<O>(selector: ($: Ref<Apply<In, Unselected<Out>>>) => RefBase<O>): Pass<In, WithOutputPath<Out, Picked<O>>>;
  outputPath(path: unknown): unknown {
    return this.with({ outputPath: recordSelector(path as string) });
  }
  /**
   * JSONata `Output`.
   * @example pass<Order>("Shape").output(($) => ({ id: $.orderId }))
   */
  output<B>(build: ($: Ref<In>, $$: Ref<ContextObject>) => B): Pass<In, WithOutputPath<Out, Picked<Resolve<B>>>> {
    return this.with({ output: recordBuild(build) });
  }
  /**
   * Sets workflow variables (`Assign`).
   * @example pass<Order>("Remember").assign(($) => ({ orderId: $.orderId }))
   */
  assign(build: ($: Ref<In>, $$: Ref<ContextObject>) => Record<string, unknown>): this {
    return this.with({ assign: recordBuild(build) });
  }
}

/**
 * A Pass state. `pass("Start")` passes its input on; `pass("Defaults", { result: {...} })` outputs the
 * result; `pass("Shape", { parameters: $ => ({ id: $.order.id }) })` builds it from the input (written
 * inline, `$` is the output of the step before).
 * @example pass("Defaults", { result: { retries: 3 } })
 */
// The `parameters` form comes first: its builder's parameter takes its type from the first overload tried.
export function pass<In = any, B = unknown>(
  name: string,
  options: { parameters: ($: Ref<In>, $$: Ref<ContextObject>) => B; comment?: string },
): Pass<In, Resolve<B>>;
export function pass<In = any>(name: string): Pass<In>;
export function pass<In = any, const R = unknown>(name: string, options: { result: R; comment?: string }): Pass<In, R>;
export function pass(
  name: string,
  options?: { result?: unknown; parameters?: ($: Ref<any>, $$: Ref<ContextObject>) => unknown; comment?: string },
): unknown {
  const fields: DraftWrite<"Pass"> = {};
  if (options && "result" in options) fields.result = options.result;
  if (options?.parameters) fields.parameters = recordBuild(options.parameters);
  if (options?.comment !== undefined) fields.comment = options.comment;
  return new Pass(newDraft("Pass", name, fields));
}
