import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codePointOrder } from "./order.js";

/**
 * Writes every file, each through a temporary file renamed into place, so a reader never sees a
 * half-written file. Callers write only after a build without errors.
 */
export function writeOutputs(outDir: string, files: Readonly<Record<string, string>>): string[] {
  mkdirSync(outDir, { recursive: true });
  const temporary: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files).sort(([a], [b]) => codePointOrder(a, b))) {
      const tmp = join(outDir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      temporary.push([tmp, join(outDir, name)]);
    }
  } catch (error) {
    for (const [tmp] of temporary) rmSync(tmp, { force: true });
    throw error;
  }
  for (const [tmp, target] of temporary) renameSync(tmp, target);
  return temporary.map(([, target]) => target);
}
