import type { CatcherNode } from "./catcher.js";
import type { JsonObject, JsonValue } from "./json.js";
import type { QueryLanguage } from "./query-language.js";
import type { RetrierNode } from "./retrier.js";
import type { SourceSpan } from "./source.js";

/** Fields every state may carry. `name` is the key of the state in `States`. */
export interface StateBase {
  readonly name: string;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  /** JSONPath and JSONata both allow workflow variables to be assigned. */
  readonly assign?: JsonObject;
  /**
   * ASL fields the user wrote as ASL (`.asl({...})`, an escape hatch for what the builder has no
   * method for): emitted as they are, after the fields the IR holds. The checks do not look into them.
   */
  readonly asl?: JsonObject;
  readonly source?: SourceSpan;
}

/** Where a non-terminal state goes: the named state, or the end of its graph. */
export interface Transition {
  readonly next?: string;
  readonly end?: boolean;
  /** Not ASL: each `.next` call that leads out of the state, where it was written (the type-flow checks look the data up there). */
  readonly nextSources?: readonly NextSource[];
}

/** Where a `.next` was written, and the first state of the chain it was called on (TypeScript types what it hands on from that state's input). */
export interface NextSource {
  readonly source: SourceSpan;
  readonly chainStart?: string;
}

/** JSONPath input/output filtering (`null` is meaningful: it discards the data). */
export interface PathFiltering {
  readonly inputPath?: string | null;
  readonly outputPath?: string | null;
}

/** JSONata's replacement for OutputPath. */
export interface OutputTemplate {
  readonly output?: JsonValue;
}

/** Result handling shared by Task, Parallel and Map. */
export interface ResultHandling {
  readonly resultSelector?: JsonObject;
  readonly resultPath?: string | null;
}

export interface ErrorHandling {
  readonly retry?: readonly RetrierNode[];
  readonly catch?: readonly CatcherNode[];
}
