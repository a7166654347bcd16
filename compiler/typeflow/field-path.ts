// No ts-morph here: the declared-alone checks run on the native path, where loading the
// JavaScript checker's TypeScript would cost more than the whole check.

/** `input.payment.amount`, `input.lines[].sku`. */
export function fieldPath(path: readonly string[]): string {
  return path.reduce((text, part) => (part === "[]" ? `${text}[]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${text}.${part}` : `${text}[${JSON.stringify(part)}]`), "input");
}
