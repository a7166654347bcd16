import type { SourceSpan } from "../../../src/ir/source.js";
import type { Diagnostic } from "../../base/diagnostic.js";
import type { RestateOps } from "./ops.js";
import type { SyntaxNode } from "./syntax.js";

/** A TypeScript error as either checker reports it: its code, where it starts, its message flattened. */
export interface TypeScriptError {
  readonly code: number;
  readonly start: number | undefined;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** What a restater is given: a TypeScript error, the node it starts at, and where that is. */
export interface TypeErrorAt<T> {
  readonly ops: RestateOps<T>;
  readonly node: SyntaxNode;
  readonly error: TypeScriptError;
  readonly at: SourceSpan;
}

/** Restates one kind of TypeScript error on DSL code in the words of steps and fields, or says it is not its kind (undefined). */
export type Restater = <T>(error: TypeErrorAt<T>) => Promise<Diagnostic | undefined>;

/** One message of a diagnostic's chain and the messages that explain it. */
export interface MessageLink {
  readonly text: string;
  readonly next: readonly MessageLink[];
}

/** A diagnostic's message chain as one text, each level indented two spaces further (as TypeScript prints it). */
export function flattenMessage({ text, next }: MessageLink): string {
  const lines = [text];
  const walk = (links: readonly MessageLink[], depth: number) => {
    for (const link of links) {
      lines.push(`${"  ".repeat(depth)}${link.text}`);
      walk(link.next, depth + 1);
    }
  };
  walk(next, 2);
  return lines.join("\n");
}
