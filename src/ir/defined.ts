/** The fields of `value` that are set: a field left `undefined` is not written (the IR and ASL hold no `undefined`). */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
