import type { SourceSpan } from "../../../src/ir/source.js";
import type { Code } from "../../base/catalogue.js";
import { type Diagnostic, diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { fieldPath } from "../base/field-path.js";
import type { Arrival, FieldPath } from "./arrivals.js";
import type { Read } from "./reads.js";
import type { Kind, Use } from "./types.js";

const needWords = { number: "a number", string: "a string", boolean: "a boolean", array: "an array" } as const;

export function fits(kinds: ReadonlySet<Kind>, need: Read["need"]): boolean {
  if (need === "present" || kinds.has("open")) return true;
  return [...kinds].every((k) => k === need);
}

/** What a read comes to along one arrival: fine, a finding, or nothing known (only `any` reaches it). */
export type Verdict =
  | { readonly kind: "ok" }
  | { readonly kind: "open" }
  | {
      readonly kind: "finding";
      readonly reason: "missing" | "optional" | "kind";
      readonly length: number;
      readonly diagnostic: Diagnostic;
    };
export const ok: Verdict = { kind: "ok" };
export const open: Verdict = { kind: "open" };

/** Where a finding is, and whom it names: the arrival the data came in by, and the steps it passed on the way. */
export interface Origin {
  readonly arrival: Arrival;
  readonly use: Use;
  /** The producers passed through, nearest the consumer last. */
  readonly through: readonly string[];
  /** The arrival into the consumer this way starts with (`arrival` where nothing was passed through). */
  readonly entry: Arrival;
}

export function producerWords({ arrival, through }: Origin): string {
  return through.length === 0 ? arrival.producer : `${arrival.producer} (through ${[...through].reverse().join(", ")})`;
}

/**
 * The field at `length` segments of the read is not there (`missing`), or may not be: it is
 * optional (`optional`), or some of the types a union gives do not have it (`union`).
 */
export function absent(reason: "missing" | "optional" | "union", read: Read, length: number, origin: Origin): Verdict {
  const field = fieldPath(read.path.slice(0, length));
  // A declared input needs the field, of the type it declares; a read names its use.
  const lead = read.declared
    ? `"${origin.use.consumer}" needs ${field} (${read.declared[length - 1]}), but ${producerWords(origin)}`
    : `"${origin.use.consumer}" reads ${field} (${read.what}), but ${producerWords(origin)}`;
  const text = {
    missing: `${lead} does not provide it.`,
    optional: `${lead} may leave it out (it is optional there).`,
    union: `${lead} may leave it out (only some of the types it gives have it).`,
  }[reason];
  const code = reason === "missing" ? flowCodes.missingField : flowCodes.optionalField;
  return finding(
    reason === "missing" ? "missing" : "optional",
    read,
    read.sites?.[length - 1],
    code,
    origin.arrival.hint ? `${text} ${origin.arrival.hint}` : text,
    origin,
    length,
  );
}

export function wrongKind(read: Read, given: string, origin: Origin): Verdict {
  const field = fieldPath(read.path);
  const needed = read.literals ? read.literals.map((v) => JSON.stringify(v)).join(" | ") : needWords[read.need as keyof typeof needWords];
  const text = `"${origin.use.consumer}" needs ${field} as ${needed}${read.declared ? "" : ` (${read.what})`}, but ${producerWords(origin)} gives ${given}.`;
  return finding("kind", read, read.sites?.at(-1), flowCodes.wrongFieldType, text, origin, read.path.length);
}

/**
 * A finding at the read (where the step's code names the field; for a declared input, where the
 * step is made), with the edge the data came in by as related information (for a declared input,
 * the edge into the step); at that edge where the read's place is not known.
 */
function finding(
  reason: "missing" | "optional" | "kind",
  read: Read,
  site: SourceSpan | undefined,
  code: Code,
  text: string,
  origin: Origin,
  length: number,
): Verdict {
  const { arrival, use } = origin;
  const place = site ?? (read.declared ? use.site : undefined);
  const edge = (read.declared ? origin.entry.site : undefined) ?? arrival.site ?? use.arrivals.find((a) => a.site)?.site;
  const found = diagnostic(code, text, place ?? edge, [arrival.producerName, use.consumer]);
  const related =
    place && edge ? { related: [{ ...edge, message: `"${use.consumer}" receives its input here, from ${producerWords(origin)}.` }] } : {};
  return { kind: "finding", reason, length, diagnostic: { ...found, ...related } };
}

/** A read below a catcher's error output: `{ Error: string; Cause: string }`, known without asking. */
export function errorOutputVerdict(read: Read, at: FieldPath, origin: Origin): Verdict {
  const rest = read.path.slice(at.length);
  // A field an earlier IsPresent of the rule's And tests is read only where it is there.
  const missing = (length: number) => (length <= (read.guarded ?? 0) ? ok : absent("missing", read, length, origin));
  if (rest.length === 0) return read.need === "present" ? ok : wrongKind(read, "{ Error: string; Cause: string; }", origin);
  if (rest[0] !== "Error" && rest[0] !== "Cause") return missing(at.length + 1);
  if (rest.length > 1) return missing(at.length + 2);
  return read.need === "present" || read.need === "string" ? ok : wrongKind(read, "string", origin);
}
