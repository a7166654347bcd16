import type { StateKind } from "../ir/state.js";
import type { SourceSpan } from "../ir/source.js";

/**
 * What a step builder holds: its kind, name and the fields the user set, still in builder terms
 * (references, conditions, sub-chains), because the query language is only known when the
 * workflow is assembled. Frozen: every builder method makes a new draft.
 */
export interface StepDraft {
  readonly kind: StateKind;
  readonly name: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly source?: SourceSpan;
}

/** A fragment of a graph: its start, its open ends, and the pieces it is made of (flattened on lowering). */
export interface ChainData {
  readonly start: StepDraft;
  readonly ends: readonly StepDraft[];
  readonly parts: readonly ChainPart[];
}

export type ChainPart =
  | { readonly kind: "step"; readonly step: StepDraft }
  | { readonly kind: "edge"; readonly from: StepDraft; readonly to: StepDraft; readonly source?: SourceSpan }
  | { readonly kind: "chain"; readonly chain: ChainData };
