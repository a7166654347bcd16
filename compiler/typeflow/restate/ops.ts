import type { Syntax, SyntaxNode } from "./syntax.js";

/** A property of a type: its name, whether it may be left out, and the files that declare it. */
export interface Property<T> {
  readonly name: string;
  readonly optional: boolean;
  readonly declaredIn: readonly string[];
  /** Its type (asked only when needed: each answer may be a round trip to the checker). */
  type(): Promise<T | undefined>;
}

/** Where a name is declared: the file, and the declaring node (asked only when needed). */
export interface Declaration {
  readonly file: string;
  node(): Promise<SyntaxNode | undefined>;
}

/** What the restating needs to know of a type's shape. */
export interface Form {
  readonly union: boolean;
  /** An object or an intersection. */
  readonly objectLike: boolean;
  readonly arrayLike: boolean;
  readonly array: boolean;
  /** Of its non-nullable part: number, string or boolean (literals included), else undefined. */
  readonly primitive: "number" | "string" | "boolean" | undefined;
}

/**
 * How a type is written in a message: `short` cut at 100 characters with aliases named,
 * `full` whole with string literals in single quotes, `plain` as TypeScript prints it.
 */
export type TextStyle = "short" | "full" | "plain";

/**
 * The questions the restating of type errors asks a type checker, answered by TypeScript 7's
 * native checker (restate/native-ops.ts) or the JavaScript one (restate/morph-ops.ts), so both
 * say the same thing in the same words. Asynchronous: the native checker answers over a pipe.
 */
export interface RestateOps<T> {
  readonly syntax: Syntax;
  /** The file's path and text, for positions. */
  readonly file: { readonly path: string; readonly text: string };
  typeAt(node: SyntaxNode): Promise<T | undefined>;
  /** The type the code around an expression expects of it. */
  contextualType(node: SyntaxNode): Promise<T | undefined>;
  /** A type's properties; `apparent`: a primitive's too (a string's `length`, ...). */
  properties(type: T, apparent?: boolean): Promise<readonly Property<T>[]>;
  property(type: T, name: string): Promise<Property<T> | undefined>;
  /** The type of the first parameter of the type's first call signature. */
  firstParameter(type: T): Promise<T | undefined>;
  isAssignable(source: T, target: T): Promise<boolean>;
  form(type: T): Promise<Form>;
  /** A union's or an intersection's members, nested ones flattened; any other type alone. */
  members(type: T): Promise<readonly T[]>;
  /** A union's own members (a union only). */
  unionMembers(type: T): Promise<readonly T[]>;
  /** An array's element type. */
  element(type: T): Promise<T | undefined>;
  nonNullable(type: T): Promise<T>;
  /** `string` for `"1000"`: a literal type's base type. */
  literalBase(type: T): Promise<T>;
  /** `T` for `NoInfer<T>` (a substitution type); any other type itself. */
  unwrapNoInfer(type: T): Promise<T>;
  text(type: T, at: SyntaxNode, style: TextStyle): Promise<string>;
  same(a: T, b: T): boolean;
  /** The symbol a name stands for (imports followed to what they import): its name and declarations. */
  symbolAt(node: SyntaxNode): Promise<{ readonly name: string; readonly declarations: readonly Declaration[] } | undefined>;
}
