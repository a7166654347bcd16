import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { type Diagnostic, diagnostic, loadCodes } from "./base/diagnostic.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The workflow files that can be read as TypeScript: each given path exists, is a file (not a
 * folder) and is UTF-8 text. Every other path is a diagnostic naming it, never an exception.
 */
export function readableSources(
  given: readonly string[],
  cwd: string,
): { files: string[]; texts: Map<string, string>; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  /** Each readable file's text, by absolute path: read once here for whoever needs it later. */
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const name of given) {
    const path = resolve(cwd, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) {
      diagnostics.push(diagnostic(loadCodes.fileNotFound, `File not found: ${name}`));
      continue;
    }
    if (!stats.isFile()) {
      diagnostics.push(
        diagnostic(
          loadCodes.fileNotFound,
          `${name} is a folder, not a file: name the workflow files in it (for example ${name.replace(/\/$/, "")}/*.ts)`,
        ),
      );
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      diagnostics.push(
        diagnostic(loadCodes.fileNotFound, `Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`),
      );
      continue;
    }
    try {
      texts.set(path, utf8.decode(bytes));
    } catch {
      const at = firstInvalidByte(bytes);
      diagnostics.push(
        diagnostic(
          loadCodes.notUtf8,
          `${name} is not UTF-8 text (byte 0x${bytes[at.offset]!.toString(16).padStart(2, "0")} at line ${at.line}); save it as UTF-8`,
          { file: path, line: at.line, column: at.column },
        ),
      );
      continue;
    }
    files.push(name);
  }
  return { files, texts, diagnostics };
}

/** Where the first byte that is not UTF-8 sits. */
function firstInvalidByte(bytes: Buffer): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let offset = 0; offset < bytes.length;) {
    const byte = bytes[offset]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    const valid =
      length > 0 && offset + length <= bytes.length && [...bytes.subarray(offset + 1, offset + length)].every((b) => b >> 6 === 0b10);
    if (!valid) return { offset, line, column: offset - lineStart + 1 };
    if (byte === 0x0a) {
      line += 1;
      lineStart = offset + 1;
    }
    offset += length;
  }
  return { offset: 0, line: 1, column: 1 };
}
