import type { Timestamp } from "./ref.js";

type Depth = [never, 0, 1, 2, 3, 4, 5, 6];
type Leaf = string | number | boolean | null | undefined | Timestamp;

/** Every path below `T`, to depth 6: `.order`, `.order.items[0]`, ... (completed by the IDE). */
type SubPaths<T, D extends number> = [D] extends [never]
  ? never
  : unknown extends T
    ? `${"." | "["}${string}` // below a field not declared, any path
    : NonNullable<T> extends Leaf
      ? never
      : NonNullable<T> extends readonly (infer E)[]
        ? `[${number}]` | `[${number}]${SubPaths<E, Depth[D]>}`
        : {
            [K in keyof NonNullable<T> & string]-?: `.${K}` | `.${K}${SubPaths<NonNullable<T>[K], Depth[D]>}`;
          }[keyof NonNullable<T> & string];

/**
 * A JSONPath into `T`, as a string the IDE completes: `"$"`, `"$.order.id"`. Into a type not
 * declared (yet), `unknown` or `any`, any path: the compiler checks it where the step is used.
 */
export type JsonPath<T> = unknown extends T ? `$${string}` : "$" | `$${SubPaths<T, 6>}` | Unwalked;

/** Paths no type says anything of, accepted into any type: the context object, what only the data selects (see `NotWalked`), and a negative index. */
type Unwalked = `$$${string}` | `$${string}${NotWalked | "[-"}${string}`;

type Field<T, K extends string> = K extends ""
  ? T
  : unknown extends T
    ? T // below a field not declared, what a path selects is not declared either
    : NonNullable<T> extends infer N
      ? K extends keyof N
        ? N[K]
        : never
      : never;
type Indexed<T, S extends string> = S extends `[${string}]${infer Rest}`
  ? Indexed<NonNullable<T> extends readonly (infer E)[] ? E : never, Rest>
  : S extends `.${infer Rest}`
    ? Walk<T, Rest>
    : T;
type Segment<T, K extends string> = K extends `${infer F}[${infer R}` ? Indexed<Field<T, F>, `[${R}`> : Field<T, K>;
type Walk<T, P extends string> = P extends `${infer K}.${infer Rest}` ? Walk<Segment<T, K>, Rest> : Segment<T, P>;

/**
 * A JSONPath the types walk: fields and indexes. Deep scans, wildcards, slices, filters and quoted
 * names (`$..a`, `$.a[*]`, `$.a[1:]`, `$.a[?(@.b)]`, `$['a b']`) select what only the data knows.
 */
export type Walkable<P extends string> = P extends `${string}${NotWalked}${string}` ? false : true;
/** What marks such a path: a deep scan, a wildcard, a filter, a slice, a quoted name, a union. */
type NotWalked = ".." | "*" | "?" | ":" | "'" | '"' | "@" | "(" | ",";

/** The type found at a JSONPath in `T` (`unknown` where the path is not one the types walk, or `T` is not known). */
export type AtPath<T, P extends string> =
  Walkable<P> extends false
    ? unknown
    : unknown extends T
      ? T
      : P extends "$"
        ? T
        : P extends `$.${infer Rest}`
          ? Walk<T, Rest>
          : P extends `$[${infer Rest}`
            ? Indexed<T, `[${Rest}`>
            : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
// Merged into a field not declared, a result joins whatever that field holds (any field, as it may).
type Base<T> = unknown extends T ? { [field: string]: unknown } : T extends object ? T : {};

type SetPath<T, P extends string, V> = P extends `${infer K}.${infer Rest}`
  ? Simplify<Omit<Base<T>, K> & { [Q in K]: SetPath<K extends keyof Base<T> ? Base<T>[K] : {}, Rest, V> }>
  : Simplify<Omit<Base<T>, P> & { [Q in P]: V }>;

/**
 * The state output after `ResultPath`: the result replaces the input (`$`), is merged at a path, or
 * dropped (`null`). Merged into an input not declared yet (`any`), the output is worked out where
 * the step is chained (a Flow); merged into data not declared (`unknown`), it is that data, whatever
 * it holds, with the result at the path.
 */
export type MergeResult<In, P extends string | null, R> = P extends null
  ? In
  : P extends "$"
    ? R
    : 0 extends 1 & In
      ? any
      : unknown extends In
        ? P extends `$.${infer Rest}`
          ? SetPath<{ [field: string]: unknown }, Rest, R>
          : never
        : P extends `$.${infer Rest}`
          ? SetPath<In, Rest, R>
          : never;

/** A path `ResultPath` can write: `"$"` or `"$.a.b"` (field names only: ASL forbids indexes here). */
export type WritePath = "$" | `$.${string}`;
