import type { ChainData, StepDraft } from "./draft.js";
import type { Apply, Continuing, Ending, Final } from "./flow.js";
import { callSite } from "./source.js";

// The key's type is a symbol no module exports: the editor cannot name it, so never offers it.
declare const chainDataKey: unique symbol;
export const chainData: typeof chainDataKey = Symbol.for("stepwright.chain") as typeof chainDataKey;
import { inType, outType } from "../data/markers.js";

export { inType, outType };
export const terminalType: unique symbol = Symbol.for("stepwright.terminal");

/**
 * Anything that can follow a step: a step or a chain of steps, typed by the input it needs and the
 * output it gives (for a step, a recipe where its output depends on its input: see flow.ts; where
 * a Succeed state ends it, `Succeeded<...>`). `In` sits in a parameter position, so `a.next(b)`
 * compiles only when a's output is assignable to b's input.
 */
export interface Chainable<In, Out> {
  readonly [inType]: (input: In) => void;
  readonly [outType]: Out;
  readonly [chainDataKey]: ChainData;
}

/**
 * A Choice's branch target: like `Chainable`, but its input is compared both ways (a method's
 * parameter is), so a target that takes one member of a union the Choice gets is accepted. What
 * the rule lets through is the compiler's to check (it narrows by the rule's condition); a target
 * whose input shares nothing with the Choice's is still a type error.
 */
export interface BranchTarget<In, Out> {
  readonly [inType]: { bivariant(input: In): void }["bivariant"];
  readonly [outType]: Out;
  readonly [chainDataKey]: ChainData;
}

/** A step or chain that ends in Succeed or Fail everywhere: nothing can follow it. */
export interface Terminal<In> extends Chainable<In, unknown> {
  readonly [terminalType]: true;
}

export type InputOf<C> = C extends { readonly [inType]: (input: infer I) => void } ? I : never;
/** What a step or chain gives as it is written: its output, or the recipe of its output. */
type OutputRecipeOf<C> = C extends { readonly [outType]: infer O } ? O : never;
/** The output of a step or chain, given the input it declares (what goes on to a next step). */
export type OutputOf<C> = Continuing<Apply<InputOf<C>, OutputRecipeOf<C>>>;
/** What a step or chain ends with when it receives `In`: its output, and what its Succeed states receive. */
export type FinalOutputOf<C, In = InputOf<C>> = Final<Apply<In, OutputRecipeOf<C>>>;

/**
 * What a step may be handed where the data is not declared (`unknown`, a Lambda's result with no
 * type given, or such data with a result merged in: `{ [field: string]: unknown; t0: R }`):
 * anything, as a field of an undeclared `$` is. The compiler checks what the next step reads, and
 * what its declared input needs, where it can.
 */
export type Loose<T> = unknown extends T ? any : string extends keyof T ? (unknown extends T[string & keyof T] ? any : T) : T;

/**
 * The `next` of every non-terminal step and chain, given what goes on (`Out`) and what already ends
 * (`Ends`): the next step's input must accept `Out`. One signature (not overloads) so a type error
 * names the missing field, and so a step written inline (`.next(pass("P"))`) takes its input type
 * from `Out`. (The compiler reads `Out` as this alias's second argument.)
 */
export type NextFn<In, Out, Ends> = <O2>(step: Chainable<Loose<Out>, O2>) => ChainOf<In, Apply<Out, O2> | Ends>;

/** A chain that gives `Out`: one that can go on, or one that ends everywhere. */
export type ChainOf<In, Out> = [Continuing<Out>] extends [never] ? TerminalChain<In, Out> : Chain<In, Out>;

/** The `next` of a step or chain that takes `In` and gives `Out` (a recipe, applied to `In`). */
export type NextOf<In, Out> = NextFn<In, Continuing<Apply<In, Out>>, Ending<Apply<In, Out>>>;

/**
 * A sequence of steps from one start to its open ends, typed by its first input and its output
 * (where a Succeed state ends it, `Succeeded<...>` stands in the output for what it ends with).
 */
export interface Chain<In, Out> extends Chainable<In, Out> {
  readonly next: NextFn<In, Continuing<Out>, Ending<Out>>;
}

/** A chain that ends in Succeed or Fail everywhere. */
export interface TerminalChain<In, Out = never> extends Chainable<In, Out> {
  readonly [terminalType]: true;
}

export function join(from: ChainData, to: ChainData): ChainData {
  const source = callSite();
  return {
    start: from.start,
    ends: to.ends,
    parts: [
      { kind: "chain", chain: from },
      { kind: "chain", chain: to },
      ...from.ends.map((end) => ({
        kind: "edge" as const,
        from: end,
        to: to.start,
        chainStart: from.start,
        ...(source ? { source } : {}),
      })),
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
  declare readonly next: NextFn<any, any, never>;
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
