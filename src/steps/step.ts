import type { JsonValue } from "../ir/json.js";
import type { QueryLanguage } from "../ir/query-language.js";
import type { StateKind } from "../ir/state.js";
import { type Chainable, defineNext, GraphValue, type NextFn, stepChain } from "./chain.js";
import type { ChainData, DraftFieldsByKind, DraftOf, StepDraft } from "./draft.js";
import { callSite } from "./source.js";

/** A single state, typed by the input it takes and the output it gives (a recipe where that depends on the input: see flow.ts). */
export interface Step<In, Out> extends Chainable<In, Out> {
  /** The state's name in ASL (unique in the workflow, at most 80 characters). */
  readonly name: string;
}

/** Sub-chains a draft refers to: catch handlers and Choice targets belong to the same graph. */
function childChains(draft: StepDraft): ChainData[] {
  const f = draft.fields as { catch?: { handler: ChainData }[]; rules?: { target: ChainData }[]; otherwise?: ChainData };
  return [...(f.catch ?? []).map((c) => c.handler), ...(f.rules ?? []).map((r) => r.target), ...(f.otherwise ? [f.otherwise] : [])];
}

function endsOf(draft: StepDraft, children: readonly ChainData[]): StepDraft[] {
  if (draft.kind === "Succeed" || draft.kind === "Fail") return [];
  if (draft.kind !== "Choice") return [draft];
  // A Choice's open ends are the open ends of its branches: `.next` after it joins them all.
  return [...new Set(children.flatMap((c) => c.ends))];
}

/** The runtime of every step builder: an immutable draft; each method returns a new step. */
export class StepValue extends GraphValue {
  /** @internal What the lowering reads: kind, name and fields as set so far. */
  readonly draft: StepDraft;

  constructor(draft: StepDraft) {
    const frozen = withFields(draft, {});
    Object.freeze(frozen.fields);
    Object.freeze(frozen);
    const children = childChains(frozen);
    super(stepChain(frozen, endsOf(frozen, children), children));
    this.draft = frozen;
  }

  get name(): string {
    return this.draft.name;
  }

  /** A copy of this step with some fields changed. */
  protected with(fields: Readonly<Record<string, unknown>>): any {
    const Class = this.constructor as new (draft: StepDraft) => StepValue;
    return new Class({ ...withFields(this.draft, fields), previous: this.draft });
  }

  protected append(field: string, item: unknown): any {
    const list = ((this.draft.fields as Readonly<Record<string, unknown>>)[field] as unknown[] | undefined) ?? [];
    return this.with({ [field]: [...list, item] });
  }

  /** A human-readable comment, kept in the ASL. */
  comment(text: string): this {
    return this.with({ comment: text });
  }

  /**
   * ASL fields written as ASL, for what the builder has no method for (an escape hatch, as
   * `stepwright import` uses for the rare field it cannot write as a builder call). They are
   * emitted as they are, after and over the fields the builder writes; the checks do not read them.
   * @example task("Query", athena).asl({ ResultPath: "$.query" })
   */
  asl(fields: Readonly<Record<string, JsonValue>>): this {
    return this.with({ asl: { ...(this.draft.fields as { asl?: object }).asl, ...fields } });
  }

  /** This state's query language, when it differs from the workflow's. */
  queryLanguage(language: QueryLanguage): this {
    return this.with({ queryLanguage: language });
  }
}

/** A step that can be followed: everything but Succeed and Fail. */
export class NextableStepValue extends StepValue {
  declare readonly next: NextFn<any, any, never>;
}
defineNext(NextableStepValue);

/**
 * A draft with some fields set. Builder methods set fields by name, each only fields of its own
 * kind (their signatures say which), so this one assertion stands for all of them; the lowering
 * reads each kind's fields typed.
 */
export function withFields<D extends { readonly fields: object }>(draft: D, fields: Readonly<Record<string, unknown>>): D {
  return { ...draft, fields: { ...draft.fields, ...fields } } as D;
}

/** A new draft of a kind: the fields given, more set by the builder's methods. */
export function newDraft<K extends StateKind>(kind: K, name: string, fields: Partial<DraftFieldsByKind[K]> = {}): DraftOf<K> {
  if (typeof name !== "string" || name.length === 0) throw new TypeError(`a ${kind} step's first argument is its name`);
  const source = callSite();
  return withFields({ kind, name, fields: {}, ...(source ? { source } : {}) } as DraftOf<K>, fields);
}
