import type { AtPath, MergeResult } from "../data/path-string.js";
import type { OutputAt } from "./types.js";

declare const flowBrand: unique symbol;
declare const sameBrand: unique symbol;

/** Stands for "the state's effective input" in a Flow: what Pass and Wait pass on. */
export interface Same {
  readonly [sameBrand]: true;
}

/**
 * The output of a state that passes (part of) its input on — ResultPath merges, Pass, Wait — as a
 * recipe rather than a type, so `.next` can apply it to the actual output of the step before:
 * `validate.next(charge.resultPath("$.charge"))` keeps every field `validate` gave.
 */
export interface Flow<IP, R, RP extends string | null, OP> {
  readonly [flowBrand]: { readonly ip: IP; readonly r: R; readonly rp: RP; readonly op: OP };
}

/** Passes its input on unchanged. */
export type Passthrough = Flow<"$", Same, "$", "$">;

type ResultOf<Actual, IP, R> = [R] extends [Same] ? (IP extends string ? AtPath<Actual, IP> : Actual) : R;

/** The output of a step whose declared output is `O`, when its actual input is `Actual`. */
export type Apply<Actual, O> =
  O extends Flow<infer IP, infer R, infer RP, infer OP> ? OutputAt<MergeResult<Actual, RP, ResultOf<Actual, IP, R>>, OP> : O;
