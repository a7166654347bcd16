/**
 * The first string or key inside a value that `bad` picks, except in nested graphs (their states
 * are visited on their own) and where a step is written (not the workflow's text).
 */
export function firstText(value: unknown, bad: (text: string) => boolean): string | undefined {
  if (typeof value === "string") return bad(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstText(item, bad);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object") {
    for (const key in value) {
      if (key === "source" || key === "branches" || key === "itemProcessor") continue;
      const found = bad(key) ? key : firstText((value as Record<string, unknown>)[key], bad);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
