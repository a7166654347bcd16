import { chainData, type Chainable, type InputOf, type OutputOf, type Terminal } from "./chain.js";
import { ResultStep } from "./result-step.js";
import { newDraft } from "./step.js";
import type { UnionToIntersection } from "./types.js";

type Branch = Chainable<any, any> | Terminal<any>;
type BranchesIn<B extends readonly Branch[]> = UnionToIntersection<InputOf<B[number]>>;
/** Written inline, a Parallel's input is the output of the step before; declared on its own, what every branch needs. */
type ParallelIn<In, B extends readonly Branch[]> = unknown extends In ? BranchesIn<B> : In;
type BranchesOut<B extends readonly Branch[]> = { -readonly [K in keyof B]: OutputOf<B[K]> };

/** A Parallel state, typed by the input every branch needs and the tuple of branch outputs. */
export type Parallel<In, Out extends readonly unknown[]> = ResultStep<"Parallel", In, In, Out>;

/**
 * Runs every branch on the same input; the result is the tuple of their outputs, in order.
 * @example parallel("Enrich", [task("Geo", geo), task("Credit", credit)])
 */
export function parallel<In = any, const B extends readonly (Chainable<In, any> | Terminal<In>)[] = readonly Branch[]>(
  name: string,
  branches: B,
): ResultStep<"Parallel", ParallelIn<In, B>, ParallelIn<In, B>, BranchesOut<B>> {
  if (!Array.isArray(branches) || branches.length === 0) throw new TypeError(`parallel "${name}" needs at least one branch`);
  return new ResultStep(newDraft("Parallel", name, { branches: branches.map((b) => b[chainData]) })) as never;
}
