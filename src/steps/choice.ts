import type { Condition } from "../condition.js";
import type { JsonataExpr } from "../data/jsonata.js";
import { $$, type ContextObject, rootRef } from "../data/proxy.js";
import type { Ref } from "../data/ref.js";
import { chainData, type Chainable, type flowType, type InputOf, type inType, type OutputOf, type outType, type Terminal } from "./chain.js";
import type { NextFn } from "./chain.js";
import type { Apply } from "./flow.js";
import type { ChainData } from "./draft.js";
import { callSite } from "./source.js";
import { NextableStepValue, newDraft, type Step } from "./step.js";

type Target<In> = Chainable<unknown extends In ? any : In, any> | Terminal<unknown extends In ? any : In>;
/** An undeclared Choice input is taken from its first target's input. */
type ChoiceIn<In, N> = unknown extends In ? InputOf<N> : In;

/** A branch's output when it receives the Choice's input (Pass and Wait branches pass it on). */
type BranchOut<In, N> = N extends { readonly [flowType]?: infer F } ? ([F] extends [never | undefined] ? OutputOf<N> : Apply<In, NonNullable<F>>) : OutputOf<N>;

/** What `.when(...)` records. */
export interface ChoiceRuleDraft {
  readonly condition: Condition | JsonataExpr<boolean>;
  readonly target: ChainData;
  readonly comment?: string;
  readonly source?: import("../ir/source.js").SourceSpan;
}

/**
 * A Choice state: the first rule whose condition holds picks the next step, else `otherwise`.
 * `.next(step)` after a Choice joins the open ends of all its branches.
 */
export class Choice<In, Out> extends NextableStepValue implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextFn<In, Out>;

  /**
   * Adds a rule. The condition is built on the typed input: `$ => $.total.gt(100)`; only the
   * operators that fit a field's type exist on it. Combine with `and`, `or`, `not`.
   */
  when<N extends Target<In>>(
    condition: ($: Ref<ChoiceIn<In, N>>, $$: Ref<ContextObject>) => Condition | JsonataExpr<boolean>,
    next: N,
    options: { comment?: string } = {},
  ): Choice<ChoiceIn<In, N>, Out | BranchOut<ChoiceIn<In, N>, N>> {
    if (!next || !(chainData in next)) throw new TypeError(`choice "${this.name}": .when() needs a next step`);
    const source = callSite();
    const rule: ChoiceRuleDraft = {
      condition: condition(rootRef({ kind: "input" }) as never, $$),
      target: next[chainData],
      ...(options.comment !== undefined ? { comment: options.comment } : {}),
      ...(source ? { source } : {}),
    };
    return this.append("rules", rule);
  }

  /** Where to go when no rule matches (ASL `Default`). Without it, no match fails with States.NoChoiceMatched. */
  otherwise<N extends Target<In>>(next: N): Choice<ChoiceIn<In, N>, Out | BranchOut<ChoiceIn<In, N>, N>> {
    if (!next || !(chainData in next)) throw new TypeError(`choice "${this.name}": .otherwise() needs a next step`);
    return this.with({ otherwise: next[chainData] });
  }

  inputPath(path: string): this {
    return this.with({ inputPath: path });
  }
  outputPath(path: string): this {
    return this.with({ outputPath: path });
  }
  assign(build: ($: Ref<In>) => Record<string, unknown>): this {
    return this.with({ assign: build(rootRef({ kind: "input" }) as never) });
  }
}

/** A Choice state. @example choice("Large order?").when($ => $.total.gt(1000), review).otherwise(ship) */
export function choice<In = unknown>(name: string): Choice<In, never> {
  return new Choice(newDraft("Choice", name, { rules: [] }));
}
