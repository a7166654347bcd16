/** Where in the user's code a step (or an edge) was written; kept so diagnostics can point at it. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
