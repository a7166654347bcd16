import type { SourceSpan } from "../../src/ir/source.js";
import { catalogue, type Code } from "./catalogue.js";

/** A finding about the user's workflow code, pointing at it. Checks produce these; the CLI prints them. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The steps the finding is about, by name. */
  readonly steps?: readonly string[];
  /** Other places the finding involves (as TypeScript's relatedInformation): where a step receives the data it reads. */
  readonly related?: readonly RelatedPlace[];
  /** The TypeScript error this finding restates (`TS2339`), for tools that match on TypeScript's codes (in `--json`). */
  readonly typescript?: string;
}

/** A place a diagnostic points at besides its own, with what happens there. */
export interface RelatedPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The first line of what an error says (a value thrown that is no Error, as it is): what a diagnostic or a fallback quotes of it. */
export function errorLine(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

/** A finding under a code of the catalogue, with the severity the catalogue gives it. */
export function diagnostic(code: Code, message: string, at?: SourceSpan, steps?: readonly string[]): Diagnostic {
  return {
    code,
    severity: catalogue[code].severity,
    message,
    ...(at ? { file: at.file, line: at.line, column: at.column } : {}),
    ...(steps && steps.length > 0 ? { steps } : {}),
  };
}

/** Compiler-level codes (SW0xxx): problems loading the user's files rather than their workflows. */
export const loadCodes = {
  fileNotFound: "SW0001",
  moduleFailed: "SW0002",
  noWorkflows: "SW0003",
  duplicateWorkflowName: "SW0004",
  unresolvedTarget: "SW0005",
  badConfig: "SW0006",
  notUtf8: "SW0007",
} as const satisfies Record<string, Code>;
