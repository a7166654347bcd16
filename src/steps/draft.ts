import type { IntegrationSpec } from "../integrations/integration.js";
import type { QueryLanguage } from "../ir/query-language.js";
import type { RetrierNode } from "../ir/retrier.js";
import type { SourceSpan } from "../ir/source.js";
import type { ItemBatcherOptions, ItemReaderOptions, ResultWriterOptions } from "./options.js";
import type { Condition } from "../data/condition.js";
import type { JsonataExpr } from "../data/jsonata.js";
import type { SelectorDraft } from "./selector.js";

/** What `.catch(...)` records: the handler chain plus the catcher's own options. */
export interface CatchDraft {
  readonly errors: readonly string[];
  readonly handler: ChainData;
  readonly resultPath?: string | null;
  readonly output?: unknown;
  readonly assign?: unknown;
  readonly comment?: string;
  readonly source?: SourceSpan;
}

/** What `.when(...)` records. */
export interface ChoiceRuleDraft {
  readonly condition: Condition | JsonataExpr<boolean>;
  readonly target: ChainData;
  readonly comment?: string;
  readonly assign?: unknown;
  readonly output?: unknown;
  readonly source?: SourceSpan;
}

/** Fields every step may set, still in builder terms (references, conditions, sub-chains). */
export interface CommonDraftFields {
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  readonly inputPath?: SelectorDraft | null;
  readonly outputPath?: SelectorDraft | null;
  readonly output?: unknown;
  readonly assign?: unknown;
  /** ASL fields written as they are (`.asl({...})`): emitted after, and over, what the builder writes. */
  readonly asl?: Readonly<Record<string, unknown>>;
}

/** Result handling of Task, Parallel and Map. */
export interface ResultDraftFields {
  readonly resultSelector?: unknown;
  readonly resultPath?: string | null;
  readonly retry?: readonly RetrierNode[];
  readonly catch?: readonly CatchDraft[];
}

export interface TaskDraftFields extends CommonDraftFields, ResultDraftFields {
  readonly integration: IntegrationSpec;
  readonly parameters?: unknown;
  readonly arguments?: unknown;
  readonly timeoutSeconds?: unknown;
  readonly timeoutSecondsPath?: SelectorDraft;
  readonly heartbeatSeconds?: unknown;
  readonly heartbeatSecondsPath?: SelectorDraft;
  readonly credentials?: { readonly roleArn?: string; readonly roleArnPath?: SelectorDraft };
}

export interface PassDraftFields extends CommonDraftFields {
  readonly result?: unknown;
  readonly parameters?: unknown;
  readonly resultPath?: string | null;
}

export interface WaitDraftFields extends CommonDraftFields {
  readonly seconds?: unknown;
  readonly timestamp?: unknown;
  readonly secondsPath?: SelectorDraft;
  readonly timestampPath?: SelectorDraft;
}

export interface FailDraftFields extends CommonDraftFields {
  readonly error?: unknown;
  readonly cause?: unknown;
  readonly errorPath?: SelectorDraft;
  readonly causePath?: SelectorDraft;
}

export interface ChoiceDraftFields extends CommonDraftFields {
  readonly rules?: readonly ChoiceRuleDraft[];
  readonly otherwise?: ChainData;
  /** Where `.otherwise(...)` was called: the type-flow checks look up what reaches the step there. */
  readonly otherwiseSource?: SourceSpan;
}

export interface ParallelDraftFields extends CommonDraftFields, ResultDraftFields {
  readonly branches: readonly ChainData[];
  readonly parameters?: unknown;
  readonly arguments?: unknown;
}

export interface MapDraftFields extends CommonDraftFields, ResultDraftFields {
  readonly processor: ChainData;
  /** Where `.process(...)` was called: the type-flow checks look up the item type there. */
  readonly processorSource?: SourceSpan;
  readonly mode?: "INLINE" | "DISTRIBUTED";
  readonly executionType?: "STANDARD" | "EXPRESS";
  readonly itemsPath?: SelectorDraft;
  readonly items?: unknown;
  readonly itemSelector?: unknown;
  readonly parameters?: unknown;
  readonly maxConcurrency?: unknown;
  readonly maxConcurrencyPath?: SelectorDraft;
  readonly toleratedFailurePercentage?: unknown;
  readonly toleratedFailurePercentagePath?: SelectorDraft;
  readonly toleratedFailureCount?: unknown;
  readonly toleratedFailureCountPath?: SelectorDraft;
  readonly label?: string;
  /** Write the pre-2022 names `Iterator` and `Parameters` for ItemProcessor and ItemSelector. */
  readonly legacy?: boolean;
  readonly itemReader?: ItemReaderOptions;
  readonly itemBatcher?: ItemBatcherOptions;
  readonly resultWriter?: ResultWriterOptions;
}

/** The fields each kind of step holds. */
export interface DraftFieldsByKind {
  readonly Task: TaskDraftFields;
  readonly Pass: PassDraftFields;
  readonly Wait: WaitDraftFields;
  readonly Fail: FailDraftFields;
  readonly Succeed: CommonDraftFields;
  readonly Choice: ChoiceDraftFields;
  readonly Parallel: ParallelDraftFields;
  readonly Map: MapDraftFields;
}

/**
 * What one builder call may write, per kind: some of the kind's fields. Spelled out as an interface
 * (not `Partial<DraftFieldsByKind[K]>`) so that a class generic over several kinds can write the
 * fields they share, while a misspelt field, or one of another kind, fails `tsc` in each kind's class.
 */
export interface DraftWritesByKind {
  readonly Task: Partial<TaskDraftFields>;
  readonly Pass: Partial<PassDraftFields>;
  readonly Wait: Partial<WaitDraftFields>;
  readonly Fail: Partial<FailDraftFields>;
  readonly Succeed: Partial<CommonDraftFields>;
  readonly Choice: Partial<ChoiceDraftFields>;
  readonly Parallel: Partial<ParallelDraftFields>;
  readonly Map: Partial<MapDraftFields>;
}

/** Fields a factory fills in before it makes the step's first draft. */
export type DraftWrite<K extends keyof DraftWritesByKind> = { -readonly [F in keyof DraftWritesByKind[K]]: DraftWritesByKind[K][F] };

/** One kind's draft: its kind, name and the fields the user set. */
export interface DraftOf<K extends keyof DraftFieldsByKind> {
  readonly kind: K;
  readonly name: string;
  readonly fields: DraftFieldsByKind[K];
  readonly source?: SourceSpan;
  /**
   * The draft this one was configured from. A loop may chain to an earlier version of a step that
   * is still being configured (`const check = choice("Done?")`, then `wait.next(check)` inside
   * `check.when(...)`): the lowering takes the latest version as the state.
   */
  readonly previous?: StepDraft;
}

/**
 * What a step builder holds: its kind, name and the fields the user set, still in builder terms
 * (references, conditions, sub-chains), because the query language is only known when the
 * workflow is assembled. Frozen: every builder method makes a new draft.
 */
export type StepDraft = { [K in keyof DraftFieldsByKind]: DraftOf<K> }[keyof DraftFieldsByKind];

/** A fragment of a graph: its start, its open ends, and the pieces it is made of (flattened on lowering). */
export interface ChainData {
  readonly start: StepDraft;
  readonly ends: readonly StepDraft[];
  readonly parts: readonly ChainPart[];
}

export type ChainPart =
  | { readonly kind: "step"; readonly step: StepDraft }
  /** `chainStart`: the first step of the chain `.next` was called on (what TypeScript types its data from). */
  | {
      readonly kind: "edge";
      readonly from: StepDraft;
      readonly to: StepDraft;
      readonly chainStart?: StepDraft;
      readonly source?: SourceSpan;
    }
  | { readonly kind: "chain"; readonly chain: ChainData };
