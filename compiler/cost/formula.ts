/**
 * A count as a sum of terms: a constant and multiples of the counts only a run knows (how many
 * items a Map gets, how many times a loop goes round), which may multiply (a loop in a Map).
 */
export type Formula = ReadonlyMap<string, number>;

const constant = "";
export const number = (n: number): Formula => new Map(n === 0 ? [] : [[constant, n]]);

export function add(...formulas: Formula[]): Formula {
  const sum = new Map<string, number>();
  for (const f of formulas) for (const [term, k] of f) sum.set(term, (sum.get(term) ?? 0) + k);
  return new Map([...sum].filter(([, k]) => k !== 0));
}

/** `f` multiplied by a count: each term gains the variable (`items·loops`). */
export function times(f: Formula, name: string): Formula {
  return new Map([...f].map(([term, k]) => [term === constant ? name : [...term.split("·"), name].sort().join("·"), k]));
}

/** The larger or smaller of two formulas, term by term where they differ only in size; else by their constants. */
export function pick(a: Formula, b: Formula, which: "min" | "max"): Formula {
  const value = (f: Formula) => [...f.values()].reduce((s, k) => s + k, 0);
  return (which === "max" ? value(a) >= value(b) : value(a) <= value(b)) ? a : b;
}

/** The formula's value when each variable has the count given (missing ones count 1). */
export function evaluate(f: Formula, counts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [term, k] of f) total += k * (term === constant ? 1 : term.split("·").reduce((p, v) => p * (counts[v] ?? 1), 1));
  return total;
}

export function variables(f: Formula): string[] {
  return [...new Set([...f.keys()].flatMap((t) => (t === constant ? [] : t.split("·"))))].sort();
}

/** `7 + 3·items(ShipEach) + 2·loops(IsReady)`: the constant first, then terms in code-point order. */
export function formulaText(f: Formula): string {
  const terms = [...f].sort(([a], [b]) => (a === b ? 0 : a === constant ? -1 : b === constant ? 1 : a < b ? -1 : 1));
  if (terms.length === 0) return "0";
  return terms.map(([term, k]) => (term === constant ? String(k) : `${k === 1 ? "" : `${k}·`}${term}`)).join(" + ");
}
