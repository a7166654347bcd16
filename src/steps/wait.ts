import type { JsonataExpr } from "../data/jsonata.ts";
import type { Ref, RefBase, Timestamp } from "../data/ref.ts";
import type { JsonPath } from "../data/path-string.ts";
import { rootRef } from "../data/proxy.ts";
import type { inType, outType } from "./chain.ts";
import type { NextFn } from "./chain.ts";
import { recordBuild, recordSelector } from "./io.ts";
import { NextableStepValue, newDraft, type Step } from "./step.ts";

type PathTo<In, T> = JsonPath<In> | (($: Ref<In>) => RefBase<T>);

/** How long a Wait state waits: one of four ways. */
export type WaitFor<In> =
  | { readonly seconds: number | JsonataExpr<number> }
  | { readonly timestamp: string | Date | JsonataExpr<string> }
  | { readonly secondsPath: PathTo<In, number> }
  | { readonly timestampPath: PathTo<In, Timestamp | string> };

/** A Wait state: its output is its input. */
export class Wait<In> extends NextableStepValue implements Step<In, In> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: In;
  declare readonly next: NextFn<In, In>;

  /** Selects part of the input (JSONPath). */
  inputPath(path: JsonPath<In>): this {
    return this.with({ inputPath: path });
  }
  outputPath(path: JsonPath<In>): this {
    return this.with({ outputPath: path });
  }
  /** JSONata `Output`. */
  output(build: ($: Ref<In>) => unknown): this {
    return this.with({ output: recordBuild(build) });
  }
  assign(build: ($: Ref<In>) => Record<string, unknown>): this {
    return this.with({ assign: recordBuild(build) });
  }
}

/**
 * A Wait state. `wait("Cool off", { seconds: 30 })`, `wait<Job>("Until", { timestampPath: $ => $.runAt })`.
 */
export function wait<In = unknown>(name: string, waitFor: WaitFor<In>): Wait<In> {
  const fields: Record<string, unknown> = {};
  if ("seconds" in waitFor) fields.seconds = waitFor.seconds;
  else if ("timestamp" in waitFor) fields.timestamp = waitFor.timestamp instanceof Date ? waitFor.timestamp.toISOString() : waitFor.timestamp;
  else if ("secondsPath" in waitFor) fields.secondsPath = recordSelector(waitFor.secondsPath as never);
  else if ("timestampPath" in waitFor) fields.timestampPath = recordSelector(waitFor.timestampPath as never);
  else throw new TypeError(`wait "${name}" needs seconds, timestamp, secondsPath or timestampPath`);
  return new Wait(newDraft("Wait", name, fields));
}

export { rootRef };
