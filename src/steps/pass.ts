import type { JsonPath, MergeResult, WritePath } from "../data/path-string.ts";
import { type ContextObject, rootRef } from "../data/proxy.ts";
import type { Ref, RefBase } from "../data/ref.ts";
import type { Resolve } from "../data/template.ts";
import type { AtPath } from "../data/path-string.ts";
import type { inType, outType } from "./chain.ts";
import type { NextFn } from "./chain.ts";
import { recordBuild, recordSelector } from "./io.ts";
import { NextableStepValue, newDraft, type Step } from "./step.ts";

/**
 * A Pass state: passes its input on, or a fixed `result`, or what `parameters` builds, merged at
 * `resultPath`. Types are computed as methods are called, in ASL's order.
 */
export class Pass<In, Out> extends NextableStepValue implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextFn<In, Out>;

  /** Selects part of the input: the step then works on `AtPath<In, P>`. */
  inputPath<P extends JsonPath<In>>(path: P): Pass<In, AtPath<In, P>> {
    return this.with({ inputPath: path });
  }
  /** A fixed result (JSON). */
  result<const R>(value: R): Pass<In, R> {
    return this.with({ result: value });
  }
  /** Builds the result from the input: `.parameters<Order>($ => ({ id: $.order.id }))`. */
  parameters<X, B = unknown>(build: ($: Ref<X>, $$: Ref<ContextObject>) => B): Pass<unknown extends In ? X : In, Resolve<B>> {
    return this.with({ parameters: recordBuild(build) });
  }
  /** Where the result goes in the input; `null` keeps the input unchanged. */
  resultPath<P extends WritePath | null>(path: P): Pass<In, MergeResult<In, P, Out>> {
    return this.with({ resultPath: path });
  }
  /** Selects the part of the output passed on. */
  outputPath<P extends JsonPath<Out>>(path: P): Pass<In, AtPath<Out, P>>;
  outputPath<O>(selector: ($: Ref<Out>) => RefBase<O>): Pass<In, O>;
  outputPath(path: unknown): unknown {
    return this.with({ outputPath: recordSelector(path as string) });
  }
  /** JSONata `Output`. */
  output<B>(build: ($: Ref<In>, $$: Ref<ContextObject>) => B): Pass<In, Resolve<B>> {
    return this.with({ output: recordBuild(build) });
  }
  /** Sets workflow variables (`Assign`). */
  assign(build: ($: Ref<In>, $$: Ref<ContextObject>) => Record<string, unknown>): this {
    return this.with({ assign: recordBuild(build) });
  }
}

/**
 * A Pass state. `pass<Order>("Start")` passes an `Order` on; `pass("Defaults", { result: {...} })` outputs the result.
 */
export function pass<In = unknown>(name: string): Pass<In, In>;
export function pass<In = unknown, const R = unknown>(name: string, options: { result: R; comment?: string }): Pass<In, R>;
export function pass(name: string, options?: { result?: unknown; comment?: string }): unknown {
  const fields: Record<string, unknown> = {};
  if (options && "result" in options) fields.result = options.result;
  if (options?.comment !== undefined) fields.comment = options.comment;
  return new Pass(newDraft("Pass", name, fields));
}

export { rootRef };
