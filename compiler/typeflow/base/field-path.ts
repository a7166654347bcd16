// No ts-morph here: the declared-alone checks run on the native path, where loading the
// JavaScript checker's TypeScript would cost more than the whole check.

/** `input.payment.amount`, `input.lines[].sku` (any item), `input.lines[0]` (an index). */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === "number"
        ? `${text}[${part}]`
        : part === "[]"
          ? `${text}[]`
          : /^[A-Za-z_$][\w$]*$/.test(part)
            ? `${text}.${part}`
            : `${text}[${JSON.stringify(part)}]`,
    "input",
  );
}
