import type { JsonPath, WritePath } from "../data/path-string.js";
import type { ContextObject } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { Resolve } from "../data/template.js";
import type { flowType, inType, NextFn, outType } from "./chain.js";
import type { Apply, Flow, Same } from "./flow.js";
import { recordBuild, recordSelector } from "./io.js";
import { NextableStepValue, newDraft, type Step } from "./step.js";
import type { Picked } from "./types.js";

/**
 * A Pass state: passes its input on, or a fixed `result`, or what `parameters` builds, merged at
 * `resultPath`. Its output is worked out from the actual input of the step, so fields pass through.
 */
export class Pass<In, R = Same, RP extends string | null = "$", OP = "$", IP = "$">
  extends NextableStepValue
  implements Step<In, Apply<In, Flow<IP, R, RP, OP>>>
{
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Apply<In, Flow<IP, R, RP, OP>>;
  declare readonly [flowType]: Flow<IP, R, RP, OP>;
  declare readonly next: NextFn<In, Apply<In, Flow<IP, R, RP, OP>>>;

  /** Selects part of the input to work on. */
  inputPath<P extends JsonPath<In>>(path: P): Pass<In, R, RP, OP, P> {
    return this.with({ inputPath: path });
  }
  /** A fixed result (JSON). */
  result<const V>(value: V): Pass<In, V, RP, OP, IP> {
    return this.with({ result: value });
  }
  /**
   * Builds the result from the input: `pass<Order>("Shape").parameters($ => ({ id: $.id }))`, or
   * with an undeclared input, `.parameters(($: Ref<Order>) => ...)`.
   */
  parameters<B, X = In>(build: ($: Ref<X>, $$: Ref<ContextObject>) => B): Pass<unknown extends In ? X : In, Resolve<B>, RP, OP, IP> {
    return this.with({ parameters: recordBuild(build) });
  }
  /** Where the result goes in the input; `null` keeps the input unchanged. */
  resultPath<P extends WritePath | null>(path: P): Pass<In, R, P, OP, IP> {
    return this.with({ resultPath: path });
  }
  /** Selects the part of the output passed on. */
  outputPath<P extends JsonPath<Apply<In, Flow<IP, R, RP, "$">>>>(path: P): Pass<In, R, RP, P, IP>;
  outputPath<O>(selector: ($: Ref<Apply<In, Flow<IP, R, RP, "$">>>) => RefBase<O>): Pass<In, R, RP, Picked<O>, IP>;
  outputPath(path: unknown): unknown {
    return this.with({ outputPath: recordSelector(path as string) });
  }
  /** JSONata `Output`. */
  output<B>(build: ($: Ref<In>, $$: Ref<ContextObject>) => B): Pass<In, R, RP, Picked<Resolve<B>>, IP> {
    return this.with({ output: recordBuild(build) });
  }
  /** Sets workflow variables (`Assign`). */
  assign(build: ($: Ref<In>, $$: Ref<ContextObject>) => Record<string, unknown>): this {
    return this.with({ assign: recordBuild(build) });
  }
}

/**
 * A Pass state. `pass("Start")` passes its input on; `pass("Defaults", { result: {...} })` outputs the
 * result; `pass("Shape", { parameters: $ => ({ id: $.order.id }) })` builds it from the input (written
 * inline, `$` is the output of the step before).
 */
// The `parameters` form comes first: its builder's parameter takes its type from the first overload tried.
export function pass<In = any, B = unknown>(name: string, options: { parameters: ($: Ref<In>, $$: Ref<ContextObject>) => B; comment?: string }): Pass<In, Resolve<B>>;
export function pass<In = any>(name: string): Pass<In>;
export function pass<In = any, const R = unknown>(name: string, options: { result: R; comment?: string }): Pass<In, R>;
export function pass(name: string, options?: { result?: unknown; parameters?: (...refs: never[]) => unknown; comment?: string }): unknown {
  const fields: Record<string, unknown> = {};
  if (options && "result" in options) fields.result = options.result;
  if (options?.parameters) fields.parameters = recordBuild(options.parameters as never);
  if (options?.comment !== undefined) fields.comment = options.comment;
  return new Pass(newDraft("Pass", name, fields));
}
