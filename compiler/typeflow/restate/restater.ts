import type { Node, ts } from "ts-morph";
import type { SourceSpan } from "../../../src/ir/source.js";
import type { Diagnostic } from "../../base/diagnostic.js";

/** What a restater is given: a TypeScript error, the node it starts at, and where that is. */
export interface TypeErrorAt {
  readonly checker: ts.TypeChecker;
  readonly node: Node;
  readonly error: ts.Diagnostic;
  readonly at: SourceSpan;
}

/** Restates one kind of TypeScript error on DSL code in the words of steps and fields, or says it is not its kind (undefined). */
export type Restater = (error: TypeErrorAt) => Diagnostic | undefined;
