import type { Diagnostic } from "../../base/diagnostic.js";
import { fieldRead } from "./field-read.js";
import { operand } from "./operand.js";
import { requestField } from "./request-field.js";
import type { Restater, TypeErrorAt } from "./restater.js";

/** Each kind of TypeScript error on DSL code that is restated, one file each. */
const restaters: readonly Restater[] = [fieldRead, operand, requestField];

/** The error restated in the words of steps and fields, its TypeScript code kept for tools; undefined when it is not about the DSL. */
export async function restate<T>(error: TypeErrorAt<T>): Promise<Diagnostic | undefined> {
  for (const restater of restaters) {
    const found = await restater(error);
    if (found) return { ...found, typescript: `TS${error.error.code}` };
  }
  return undefined;
}
