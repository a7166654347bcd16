import type { ChainData, StepDraft } from "./draft.js";
import type { Apply } from "./flow.js";
import { callSite } from "./source.js";

// The key's type is a symbol no module exports: the editor cannot name it, so never offers it.
declare const chainDataKey: unique symbol;
export const chainData: typeof chainDataKey = Symbol.for("stepwright.chain") as typeof chainDataKey;
/** Type-only markers (never set at runtime) carrying a chain's input and output types. */
export const inType: unique symbol = Symbol.for("stepwright.in");
export const outType: unique symbol = Symbol.for("stepwright.out");
export const terminalType: unique symbol = Symbol.for("stepwright.terminal");
export const flowType: unique symbol = Symbol.for("stepwright.flow");
export const endType: unique symbol = Symbol.for("stepwright.end");

/**
 * Anything that can follow a step: a step or a chain of steps, typed by the input it needs and the
 * output it gives. `In` sits in a parameter position, so `a.next(b)` compiles only when a's output
 * is assignable to b's input.
 */
export interface Chainable<In, Out> {
  readonly [inType]: (input: In) => void;
  readonly [outType]: Out;
  readonly [chainDataKey]: ChainData;
}

/** A step or chain that ends in Succeed or Fail everywhere: nothing can follow it. */
export interface Terminal<In> extends Chainable<In, never> {
  readonly [terminalType]: true;
}

export type InputOf<C> = C extends { readonly [inType]: (input: infer I) => void } ? I : never;
/** The output type of a step or chain, given the input it declares. */
export type OutputOf<C> = C extends { readonly [outType]: infer O } ? O : never;

/** Steps whose output depends on their actual input carry the recipe (see Flow) here. */
export interface HasFlow<F> {
  readonly [flowType]?: F;
}

declare const succeedInputBrand: unique symbol;
/** Stands for "the input the Succeed state receives": what it hands to the end of the execution. */
export interface SucceedInput {
  readonly [succeedInputBrand]: true;
}

/**
 * What a chain hands to the end of the execution where a Succeed state stops it (`.next` carries
 * it on; the open ends of the chain add its output): the workflow's output is the union of both.
 */
export interface MaybeEnds<E> {
  readonly [endType]?: E;
}
/** The values a chain's Succeed states end the execution with. */
export type EndsOf<C> = C extends { readonly [endType]?: infer E } ? Exclude<E, undefined> : never;
/** A step's ends once its actual input is known: a Succeed ends with what it receives. */
export type EndsGiven<E, Input> = E extends SucceedInput ? Input : E;

/** Succeed, Fail and chains ending in them carry `[terminalType]: true`. */
export interface MaybeTerminal<T> {
  readonly [terminalType]?: T;
}

/**
 * What a step may be handed where the data is not declared (`unknown`, a Lambda's result with no
 * type given): anything, as a field of an undeclared `$` is. The compiler checks what the next
 * step reads where it can.
 */
export type Loose<T> = unknown extends T ? any : T;

/**
 * The `next` of every non-terminal step and chain: the next step's input must accept `Out`.
 * One signature (not overloads) so a type error names the missing field, and so a step written
 * inline (`.next(pass("P"))`) takes its input type from `Out`.
 */
export type NextFn<In, Out, E = never> = <O2, F = never, T = never, E2 = never>(
  step: Chainable<Loose<Out>, O2> & HasFlow<F> & MaybeTerminal<T> & MaybeEnds<E2>,
) => [T] extends [never]
  ? Chain<In, [F] extends [never | undefined] ? O2 : Apply<Out, NonNullable<F>>, E | EndsGiven<Exclude<E2, undefined>, Out>>
  : TerminalChain<In, E | EndsGiven<Exclude<E2, undefined>, Out>>;

/**
 * A sequence of steps from one start to its open ends, typed by its first input and last output
 * (and by what its Succeed states end the execution with, `E`).
 */
export interface Chain<In, Out, E = never> extends Chainable<In, Out> {
  readonly [endType]?: E;
  readonly next: NextFn<In, Out, E>;
}

/** A chain that ends in Succeed or Fail everywhere. */
export interface TerminalChain<In, E = never> extends Terminal<In> {
  readonly [endType]?: E;
}

export function join(from: ChainData, to: ChainData): ChainData {
  const source = callSite();
  return {
    start: from.start,
    ends: to.ends,
    parts: [
      { kind: "chain", chain: from },
      { kind: "chain", chain: to },
      ...from.ends.map((end) => ({ kind: "edge" as const, from: end, to: to.start, ...(source ? { source } : {}) })),
    ],
  };
}

/** Holds a graph fragment; the base of chains and steps alike. */
export class GraphValue {
  declare readonly [chainDataKey]: ChainData;
  constructor(data: ChainData) {
    Object.defineProperty(this, chainData, { value: data, enumerable: false });
  }
}

export function nextOf(self: GraphValue, step: { readonly [chainData]: ChainData }): ChainValue | TerminalChainValue {
  if (!step || !(chainData in step)) throw new TypeError(".next() takes a step or a chain");
  const joined = join(self[chainData], step[chainData]);
  return joined.ends.length === 0 && isTerminalChain(step) ? new TerminalChainValue(joined) : new ChainValue(joined);
}

function isTerminalChain(step: object): boolean {
  return step instanceof TerminalChainValue || (step as { terminal?: boolean }).terminal === true;
}

/** A chain built with `.next`: immutable; `.next` builds a new one. */
export class ChainValue extends GraphValue {
  declare readonly [inType]: (input: any) => void;
  declare readonly [outType]: any;
  declare readonly next: NextFn<any, any>;
}
defineNext(ChainValue);

/**
 * Puts the runtime `next` on a class's prototype. Each class declares `next` as a typed property
 * (`NextFn<In, Out>`) so the next step is checked against that class's own output type.
 */
export function defineNext(target: abstract new (...args: never[]) => GraphValue): void {
  Object.defineProperty(target.prototype, "next", {
    value: function next(this: GraphValue, step: { readonly [chainData]: ChainData }) {
      return nextOf(this, step);
    },
    writable: false,
    enumerable: false,
  });
}

export class TerminalChainValue extends GraphValue {
  declare readonly [inType]: (input: any) => void;
  declare readonly [outType]: never;
  declare readonly [terminalType]: true;
  readonly terminal = true;
}

export function stepChain(draft: StepDraft, ends: readonly StepDraft[], children: readonly ChainData[] = []): ChainData {
  return { start: draft, ends, parts: [{ kind: "step", step: draft }, ...children.map((chain) => ({ kind: "chain" as const, chain }))] };
}
