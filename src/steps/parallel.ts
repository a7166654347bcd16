import { chainData, type Chainable, type FinalOutputOf, type InputOf } from "./chain.js";
import { type BuildsFromInput, ResultStep } from "./result-step.js";
import { newDraft } from "./step.js";
import type { UnionToIntersection } from "./types.js";

type Branch = Chainable<any, any>;
/** What the branches need together: the intersection of the inputs they declare (a branch that declares none takes anything). */
type Declared<B extends readonly Branch[]> = { [K in keyof B]: unknown extends InputOf<B[K]> ? never : InputOf<B[K]> }[number];
type BranchesIn<B extends readonly Branch[]> = [Declared<B>] extends [never]
  ? UnionToIntersection<InputOf<B[number]>>
  : UnionToIntersection<Declared<B>>;
/** Written inline, a Parallel's input is the output of the step before; declared on its own, what every branch needs. */
type ParallelIn<In, B extends readonly Branch[]> = unknown extends In ? BranchesIn<B> : In;
/** Each branch's output (or what its Succeed states receive) for the input every branch is handed. */
type BranchesOut<B extends readonly Branch[], In> = { -readonly [K in keyof B]: FinalOutputOf<B[K], In> };

/** A Parallel state: takes `In`, gives `Out` (the tuple of its branches' outputs, or a recipe: see flow.ts). */
export class Parallel<In, Out> extends ResultStep<"Parallel", In, Out, BuildsFromInput<In>> {}

/**
 * Runs every branch on the same input; the result is the tuple of their outputs, in order.
 * @example parallel("Enrich", [task("Geo", lambda<Order, { country: string }>("geo")), task("Credit", lambda<Order, { score: number }>("credit"))])
 */
export function parallel<In = any, const B extends readonly Chainable<In, any>[] = readonly Branch[]>(
  name: string,
  branches: B,
): Parallel<ParallelIn<In, B>, BranchesOut<B, ParallelIn<In, B>>> {
  if (!Array.isArray(branches) || branches.length === 0) throw new TypeError(`parallel "${name}" needs at least one branch`);
  return new Parallel(newDraft("Parallel", name, { branches: branches.map((b) => b[chainData]) }));
}
