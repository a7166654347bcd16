import type { WriteResult } from "../write.js";
import type { Io } from "./io.js";

/** What a write did besides writing: removed files of workflows no longer built, kept files it did not write. */
export function reportWrite(result: WriteResult, out: string, io: Io): void {
  if (result.removed.length > 0) io.err(`removed ${result.removed.length} file(s) an earlier build wrote: ${result.removed.join(", ")}\n`);
  if (result.foreign.length > 0)
    io.err(
      `kept ${result.foreign.length} entr${result.foreign.length === 1 ? "y" : "ies"} in ${out} that stepwright did not write: ${result.foreign.join(", ")}\n`,
    );
}
