import type { Condition } from "../data/condition.js";
import type { JsonataExpr } from "../data/jsonata.js";
import { $$, type ContextObject, rootRef } from "../data/proxy.js";
import type { Ref } from "../data/ref.js";
import { type BranchTarget, chainData, type inType, type Loose, type NextOf, type outType } from "./chain.js";
import type { Apply } from "./flow.js";
import type { ChoiceRuleDraft } from "./draft.js";
import { recordBuild } from "./selector.js";
import { callSite } from "./source.js";
import { NextableStepValue, newDraft, type Step } from "./step.js";

/**
 * A branch target, written so a step written inline takes the Choice's input as its own (the
 * parameter type gives TypeScript the contextual type); `O2` is its output or recipe. A target may
 * take less than the Choice's input (the member of a union its rule tests for).
 */
type Target<In, O2> = BranchTarget<Loose<In>, O2>;

/**
 * A branch's output: worked out where the Choice's input is declared; where it is not, the
 * branch's recipe as it is (a Choice passes its input to its branches), applied where it is chained.
 */
type BranchOut<In, O2> = unknown extends In ? O2 : Apply<In, O2>;

/** What a rule may set besides its condition and target: a comment, and (JSONata mostly) Assign and Output. */
export interface RuleOptions<In> {
  readonly comment?: string;
  /** Variables to set when this rule matches. */
  readonly assign?: ($: Ref<In>, $$: Ref<ContextObject>) => Record<string, unknown>;
  /** JSONata: what the rule passes to its target. */
  readonly output?: ($: Ref<In>, $$: Ref<ContextObject>) => unknown;
}

/**
 * A Choice state: takes `In`; its output `Out` is the union of its branches' outputs (`Succeeded<...>`
 * where a branch ends in Succeed). The first rule whose condition holds picks the next step, else
 * `otherwise`. `.next(step)` after a Choice joins the open ends of all its branches.
 */
export class Choice<In, Out> extends NextableStepValue<"Choice"> implements Step<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  declare readonly next: NextOf<In, Out>;

  /**
   * Adds a rule. The condition is built on the typed input: `$ => $.total.gt(100)`; only the
   * operators that fit a field's type exist on it. Combine with `and`, `or`, `not`.
   * @example choice<Order>("Large?").when(($) => $.total.gt(1000), review)
   */
  when<O2>(
    condition: ($: Ref<In>, $$: Ref<ContextObject>) => Condition | JsonataExpr<boolean>,
    next: Target<In, O2>,
    options: RuleOptions<In> = {},
  ): Choice<In, Out | BranchOut<In, O2>> {
    if (!next || !(chainData in next)) throw new TypeError(`choice "${this.name}": .when() needs a next step`);
    const source = callSite();
    const rule: ChoiceRuleDraft = {
      condition: condition(rootRef<In>({ kind: "input" }), $$),
      target: next[chainData],
      ...(options.comment !== undefined ? { comment: options.comment } : {}),
      ...(options.assign ? { assign: recordBuild(options.assign) } : {}),
      ...(options.output ? { output: recordBuild(options.output) } : {}),
      ...(source ? { source } : {}),
    };
    return this.with({ rules: [...(this.draft.fields.rules ?? []), rule] });
  }

  /**
   * Where to go when no rule matches (ASL `Default`). Without it, no match fails with States.NoChoiceMatched.
   * @example choice<Order>("Large?").when(($) => $.total.gt(1000), review).otherwise(done)
   */
  otherwise<O2>(next: Target<In, O2>): Choice<In, Out | BranchOut<In, O2>> {
    if (!next || !(chainData in next)) throw new TypeError(`choice "${this.name}": .otherwise() needs a next step`);
    const source = callSite();
    return this.with({ otherwise: next[chainData], ...(source ? { otherwiseSource: source } : {}) });
  }

  /**
   * Selects the part of the input the rules test (JSONPath); the chosen step receives that part.
   * @example choice("Tier?").inputPath("$.customer")
   */
  inputPath(path: string): this {
    return this.with({ inputPath: path });
  }
  /**
   * Selects the part of the input passed on to the chosen step (JSONPath).
   * @example choice("Tier?").outputPath("$.customer")
   */
  outputPath(path: string): this {
    return this.with({ outputPath: path });
  }
  /**
   * Sets workflow variables from the input, whichever rule matches (`Assign`).
   * @example choice<Order>("Large?").assign(($) => ({ total: $.total }))
   */
  assign(build: ($: Ref<In>) => Record<string, unknown>): this {
    return this.with({ assign: build(rootRef<In>({ kind: "input" })) });
  }
}

/**
 * A Choice state. Written inline, its rules go in a function, so they get the input of the step
 * before (`validate.next(choice("Large?", c => c.when($ => $.total.gt(1000), review).otherwise(ship)))`);
 * declared on its own, `choice("Large?").when(...)`, its conditions are checked where it is chained.
 * @example validate.next(choice("Large?", (c) => c.when(($) => $.total.gt(1000), review).otherwise(done)))
 */
export function choice<In = any>(name: string): Choice<In, never>;
export function choice<In = any, Out = never>(name: string, rules: (choice: Choice<In, never>) => Choice<In, Out>): Choice<In, Out>;
export function choice(name: string, rules?: (choice: Choice<any, never>) => unknown): unknown {
  const empty = new Choice<unknown, never>(newDraft("Choice", name, { rules: [] }));
  if (rules === undefined) return empty;
  const built = rules(empty);
  if (!(built instanceof Choice))
    throw new TypeError(`choice "${name}": the rules function must return the choice it was given, with its rules`);
  return built;
}
