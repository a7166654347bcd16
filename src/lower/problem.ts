import type { SourceSpan } from "../ir/source.js";

/**
 * Something in a workflow that cannot become valid ASL, found while assembling it. The compiler
 * reports each as a diagnostic; the builder never throws for these, so every problem is reported.
 */
export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly step?: string;
  readonly source?: SourceSpan;
}

export const problemCodes = {
  /** A field that belongs to the other query language (Parameters in a JSONata state, ...). */
  wrongQueryLanguage: "SW2101",
  /** A builder returned something that cannot be written as a payload template. */
  badTemplate: "SW2102",
  /** One step name continues to two different next steps. */
  conflictingNext: "SW2103",
} as const;

/** The codes of problems found while assembling (the compiler's catalogue says what each means). */
export type ProblemCode = (typeof problemCodes)[keyof typeof problemCodes];
