import type { SourceSpan } from "../../../src/ir/source.js";
import type { StateNode } from "../../../src/ir/state.js";
import type { Arrival } from "./arrivals.js";
import type { Read } from "./reads.js";

/** What the read checks need to know of a type; each type checker (native, JavaScript) answers it its own way. */
export type Kind = "open" | "string" | "number" | "boolean" | "array" | "object" | "other";

export interface TypeOps<T> {
  /**
   * The types handed over at calls written at `line:column` (1-based, the method's name in
   * `a.next(b)`, `c.when(cond, b)`): the input type each method's step argument is checked against.
   * All at once: a checker may answer them together.
   */
  flowingAt(sites: readonly SourceSpan[]): Promise<(T | undefined)[]>;
  /** any, unknown or a type parameter: nothing below it can be checked (known without asking). */
  open(type: T): boolean;
  /** The kinds of a type's members, undefined and null left out (`open` for any, unknown and type parameters). */
  kinds(type: T): Promise<ReadonlySet<Kind>>;
  /**
   * A field's type, or undefined when the type has no such field. `declared` is false where only an
   * index signature gives it (`{ [x: string]: unknown; p0: ... }`, what a step of undeclared input
   * gives once it merges a result): such a field may as well not be there. `optional`: its type
   * admits undefined (`email?: string`).
   */
  field(type: T, name: string): Promise<{ readonly type: T; readonly declared: boolean; readonly optional: boolean } | undefined>;
  /** A union's members, undefined and null left out; any other type alone. */
  members(type: T): Promise<readonly T[]>;
  /** The values of a literal type or a union of them (`"card" | "bank"`), or undefined for any other type. */
  literals(type: T): Promise<readonly (string | number | boolean)[] | undefined>;
  /** An array's or tuple's element (at `index` for a tuple). */
  element(type: T, index: number): Promise<T | undefined>;
  /**
   * The declared fields of an object type (marker fields left out), each with whether it may be
   * left out; undefined for a type that is not an object.
   */
  fields(type: T): Promise<readonly { readonly name: string; readonly type: T; readonly optional: boolean }[] | undefined>;
  /**
   * The input a step declares, where it is made at `site` (its factory call: `task` in
   * `task("Index", lambda<In, Out>(...))`), through the methods chained on it.
   */
  inputOf(site: SourceSpan): Promise<T | undefined>;
  /**
   * What the step before a `.next` written at `site` writes at its ResultPath (its result, before
   * it is merged into its input): known where the merged output is not (merged into `any`).
   */
  writtenAt(site: SourceSpan): Promise<T | undefined>;
  /** The request type of the Task made at `site` (its factory call: `task` in `task("Save", ...)`), as its integration types it. */
  requestOf(site: SourceSpan): Promise<T | undefined>;
  /** The result type of the Task made at `site`, as its integration types it (what its Lambda returns, for `lambda(...)`). */
  resultOf(site: SourceSpan): Promise<T | undefined>;
  /** The output type of the workflow made at `site` (its `workflow(` call): what an execution ends with. */
  outputOf(site: SourceSpan): Promise<T | undefined>;
  text(type: T): Promise<string>;
}

/** A step that reads its input, and every way data reaches it. Plain data: it crosses to the checker's thread. */
export interface Use {
  readonly consumer: string;
  /** Where the consumer is made (its factory call): where its request type is asked. */
  readonly site?: SourceSpan;
  /** The consumer's kind: the declaration a finding suggests is written on its factory. */
  readonly consumerKind: StateNode["kind"];
  readonly reads: readonly Read[];
  readonly arrivals: readonly Arrival[];
  /**
   * The step's input type is written where it is made (TypeScript checks it on the edges it can
   * follow): the compiler checks it, field by field, only where TypeScript could not (what arrives
   * is `any`) or checked less (a Choice's branch target, compared both ways). Its reads are the
   * declared type's fields, found by the checker.
   */
  readonly declared?: true;
}
