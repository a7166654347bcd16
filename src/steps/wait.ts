import type { DraftWrite } from "./draft.js";
import type { JsonataExpr } from "../data/jsonata.js";
import type { Ref, RefBase, Timestamp } from "../data/ref.js";
import type { JsonPath } from "../data/path-string.js";
import { rootRef } from "../data/proxy.js";
import type { inType, NextOf, outType } from "./chain.js";
import type { Apply, InputAt, Unselected, WithInputPath, WithOutputPath } from "./flow.js";
import { recordBuild, recordSelector } from "./io.js";
import { NextableStepValue, newDraft, type Step } from "./step.js";

// NoInfer: a path string must not make up the input type it reads from.
type PathTo<In, T> = NoInfer<JsonPath<In>> | (($: Ref<In>) => RefBase<T>);

/** How long a Wait state waits: one of four ways. */
export type WaitFor<In> =
  | { readonly seconds: number | JsonataExpr<number> }
  | { readonly timestamp: string | Date | JsonataExpr<string> }
  | { readonly secondsPath: PathTo<In, number> }
  | { readonly timestampPath: PathTo<In, Timestamp | string> };

/** A Wait state: takes `In`, and passes its input on (`InputAt<"$">`, or what its InputPath and OutputPath select). */
export class Wait<In, Out = InputAt<"$">> extends NextableStepValue<"Wait"> implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextOf<In, Out>;

  /**
   * Selects part of the input (JSONPath): the Wait passes only that on.
   * @example wait<Order>("Hold", { seconds: 60 }).inputPath("$.customer")
   */
  inputPath<P extends JsonPath<In>>(path: P): Wait<In, WithInputPath<Out, P>> {
    return this.with({ inputPath: path });
  }
  /**
   * @example wait<Order>("Hold", { seconds: 60 }).outputPath("$.customer")
   */
  outputPath<P extends JsonPath<Apply<In, Unselected<Out>>>>(path: P): Wait<In, WithOutputPath<Out, P>> {
    return this.with({ outputPath: path });
  }
  /**
   * JSONata `Output`.
   * @example wait<Order>("Hold", { seconds: 60 }).output(($) => ({ id: $.orderId }))
   */
  output(build: ($: Ref<In>) => unknown): this {
    return this.with({ output: recordBuild(build) });
  }
  /**
   * @example wait<Order>("Hold", { seconds: 60 }).assign(($) => ({ heldSince: $.createdAt }))
   */
  assign(build: ($: Ref<In>) => Record<string, unknown>): this {
    return this.with({ assign: recordBuild(build) });
  }
}

/**
 * A Wait state. `wait("Cool off", { seconds: 30 })`, `wait<Job>("Until", { timestampPath: $ => $.runAt })`.
 * @example wait<Order>("Until due", { timestampPath: ($) => $.createdAt })
 */
export function wait<In = any>(name: string, waitFor: WaitFor<In>): Wait<In> {
  const fields: DraftWrite<"Wait"> = {};
  if ("seconds" in waitFor) fields.seconds = waitFor.seconds;
  else if ("timestamp" in waitFor)
    fields.timestamp = waitFor.timestamp instanceof Date ? waitFor.timestamp.toISOString() : waitFor.timestamp;
  else if ("secondsPath" in waitFor) fields.secondsPath = recordSelector(waitFor.secondsPath);
  else if ("timestampPath" in waitFor) fields.timestampPath = recordSelector(waitFor.timestampPath);
  else throw new TypeError(`wait "${name}" needs seconds, timestamp, secondsPath or timestampPath`);
  return new Wait(newDraft("Wait", name, fields));
}

export { rootRef };
