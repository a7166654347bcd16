import type { JsonValue } from "../ir/json.js";
import type { QueryLanguage } from "../ir/query-language.js";
import type { StateKind } from "../ir/state.js";
import { type Chainable, defineNext, GraphValue, type NextFn, stepChain } from "./chain.js";
import type { ChainData, DraftOf, DraftWritesByKind, StepDraft } from "./draft.js";
import { callSite } from "./source.js";

/** A single state, typed by the input it takes and the output it gives (a recipe where that depends on the input: see flow.ts). */
export interface Step<In, Out> extends Chainable<In, Out> {
  /** The state's name in ASL (unique in the workflow, at most 80 characters). */
  readonly name: string;
}

/** Sub-chains a draft refers to: catch handlers and Choice targets belong to the same graph. */
function childChains(draft: StepDraft): ChainData[] {
  switch (draft.kind) {
    case "Choice": {
      const { rules = [], otherwise } = draft.fields;
      return [...rules.map((r) => r.target), ...(otherwise ? [otherwise] : [])];
    }
    case "Task":
    case "Parallel":
    case "Map":
      return (draft.fields.catch ?? []).map((c) => c.handler);
    default:
      return [];
  }
}

function endsOf(draft: StepDraft, children: readonly ChainData[]): StepDraft[] {
  if (draft.kind === "Succeed" || draft.kind === "Fail") return [];
  if (draft.kind !== "Choice") return [draft];
  // A Choice's open ends are the open ends of its branches: `.next` after it joins them all.
  return [...new Set(children.flatMap((c) => c.ends))];
}

/**
 * The runtime of every step builder of kind `K`: an immutable draft; each method returns a new step.
 * A method writes only fields of its own kind (`with` takes `DraftWritesByKind[K]`), so a
 * misspelt or misplaced field fails `tsc`.
 */
export class StepValue<K extends StateKind = StateKind> extends GraphValue {
  /** @internal What the lowering reads: kind, name and fields as set so far. */
  readonly draft: DraftOf<K>;

  constructor(draft: DraftOf<K>) {
    const frozen = withFields(draft, {});
    Object.freeze(frozen.fields);
    Object.freeze(frozen);
    const any = frozen as StepDraft;
    const children = childChains(any);
    super(stepChain(any, endsOf(any, children), children));
    this.draft = frozen;
  }

  get name(): string {
    return this.draft.name;
  }

  /**
   * A copy of this step with some fields changed, typed as the step the calling method returns
   * (`R`, inferred from its declared return type): the builder's one conversion from the runtime
   * class to the type a method's signature works out.
   */
  protected with<R = this>(fields: DraftWritesByKind[K]): R {
    const Class = this.constructor as new (draft: DraftOf<K>) => R;
    return new Class({ ...withFields(this.draft, fields), previous: this.draft as StepDraft });
  }

  /**
   * A human-readable comment, kept in the ASL.
   * @example task("Ship", lambda<Order, Shipment>("ship-order")).comment("Ships with the carrier the customer chose")
   */
  comment(text: string): this {
    return this.with({ comment: text });
  }

  /**
   * ASL fields written as ASL, for what the builder has no method for (an escape hatch, as
   * `stepwright import` uses for the rare field it cannot write as a builder call). They are
   * emitted as they are, after and over the fields the builder writes; the checks do not read them.
   * @example task("Query", lambda("run-query")).asl({ ResultPath: "$.query" })
   */
  asl(fields: Readonly<Record<string, JsonValue>>): this {
    return this.with({ asl: { ...(this.draft.fields as { asl?: object }).asl, ...fields } });
  }

  /**
   * This state's query language, when it differs from the workflow's.
   * @example pass("Shape").queryLanguage("JSONata")
   */
  queryLanguage(language: QueryLanguage): this {
    return this.with({ queryLanguage: language });
  }
}

/** A step that can be followed: everything but Succeed and Fail. */
export class NextableStepValue<K extends StateKind = StateKind> extends StepValue<K> {
  declare readonly next: NextFn<any, any, never>;
}
defineNext(NextableStepValue);

/** A draft with some of its own kind's fields set. */
export function withFields<K extends StateKind>(draft: DraftOf<K>, fields: DraftWritesByKind[K]): DraftOf<K> {
  return { ...draft, fields: { ...draft.fields, ...fields } };
}

/**
 * A new draft of a kind: the fields given, more set by the builder's methods. Fields a kind
 * requires (a Parallel's branches, a Map's processor) are set by its factory or builder before the
 * step is lowered; the lowering reports one that is missing.
 */
export function newDraft<K extends StateKind>(kind: K, name: string, fields: DraftWritesByKind[K] = {}): DraftOf<K> {
  if (typeof name !== "string" || name.length === 0) throw new TypeError(`a ${kind} step's first argument is its name`);
  const source = callSite();
  const empty = { kind, name, fields: {}, ...(source ? { source } : {}) } as DraftOf<K>;
  return withFields(empty, fields);
}
