import type { Diagnostic } from "../base/diagnostic.js";
import { diagnosticJson, formatDiagnostic } from "../format-diagnostic.js";

/** Where a command writes, and how: the CLI's only contact with the terminal. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly color: boolean;
}

export const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
};

/** A usage mistake: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** Prints the diagnostics (JSON lines on stdout, or tsc-like text on stderr); true when one is an error. */
export function report(diagnostics: readonly Diagnostic[], json: boolean, io: Io): boolean {
  for (const d of diagnostics) {
    if (json) io.out(`${diagnosticJson(d)}\n`);
    else io.err(`${formatDiagnostic(d, io.cwd, io.color)}\n`);
  }
  return diagnostics.some((d) => d.severity === "error");
}
