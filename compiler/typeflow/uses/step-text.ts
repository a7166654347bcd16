import { lineAndColumn, lineStarts } from "../base/lines.js";
import { existsSync, readFileSync } from "node:fs";
import type { SourceSpan } from "../../../src/ir/source.js";
import type { StateNode } from "../../../src/ir/state.js";

/** The end of the bracketed text opening at `open` (`(`, `<`, `{`, `[`), strings and comments skipped. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
  const stack = [pairs[text[open]!]!];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i) < 0 ? text.length : text.indexOf("*/", i) + 1;
    else if (c === "=" && text[i + 1] === ">") i++;
    else if (c in pairs && (c !== "<" || stack.at(-1) === ">")) stack.push(pairs[c]!);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    } else if (")]}".includes(c) && stack.at(-1) === ">") {
      // A `<` that was a comparison, not type arguments: give up on it.
      stack.pop();
      i--;
    }
  }
  return text.length;
}

/** A call in a step's own chain: its name, its type arguments and its arguments, as written, and where its arguments start. */
export interface Call {
  readonly name: string;
  readonly types: string;
  readonly args: string;
  /** The offset of the arguments' text in the file. */
  readonly argsAt: number;
}

/** The factory call at `at` and the method calls chained on it (`task(...).parameters(...).retry(...)`), up to a `.next(...)`; nested steps left out. */
export function ownCalls(text: string, at: number): Call[] {
  const calls: Call[] = [];
  let i = at;
  for (;;) {
    const name = /^\s*\.?\s*([A-Za-z_$][\w$]*)\s*/.exec(text.slice(i));
    // `.next(...)` makes a chain: what follows it is other steps' (and on a long fluent chain, thousands of calls).
    if (!name || (calls.length > 0 && name[1] === "next")) break;
    let j = i + name[0].length;
    let types = "";
    if (text[j] === "<") {
      const end = closing(text, j);
      types = text.slice(j + 1, end);
      j = end + 1;
      while (/\s/.test(text[j] ?? "")) j++;
    }
    if (text[j] !== "(") break;
    const end = closing(text, j);
    calls.push({ name: name[1]!, types, args: text.slice(j + 1, end), argsAt: j + 1 });
    i = end + 1;
    if (!/^\s*\./.test(text.slice(i))) break;
  }
  return calls;
}

/** A step's own calls as written (its factory and the methods chained on it), and where in its file an offset is. */
export interface StepText {
  readonly file: string;
  readonly calls: readonly Call[];
  /** The 1-based line and column of an offset in the file. */
  position(offset: number): SourceSpan;
}

/** A step's own code, by its state (undefined where it cannot be read). */
export type StepTexts = (state: StateNode) => StepText | undefined;

/**
 * The source text of each step's own calls, read from where the step was made (its factory call);
 * the workflow files' texts as given, any other file (a module they import) read once, each step once.
 */
export function stepTexts(texts: ReadonlyMap<string, string>): StepTexts {
  const files = new Map<string, { text: string; lines: number[] } | undefined>();
  const fileOf = (file: string) => {
    if (!files.has(file)) {
      const text = texts.get(file) ?? (existsSync(file) ? readFileSync(file, "utf8") : undefined);
      files.set(file, text === undefined ? undefined : { text, lines: lineStarts(text) });
    }
    return files.get(file);
  };
  const read = new WeakMap<StateNode, StepText | undefined>();
  return (state) => {
    if (!read.has(state)) read.set(state, readStep(state));
    return read.get(state);
  };

  function readStep(state: StateNode): StepText | undefined {
    if (!state.source) return undefined;
    const { file, line, column } = state.source;
    const source = fileOf(file);
    if (!source || line - 1 >= source.lines.length) return undefined;
    const { lines } = source;
    const position = (offset: number): SourceSpan => ({ file, ...lineAndColumn(lines, offset) });
    return { file, calls: ownCalls(source.text, lines[line - 1]! + column - 1), position };
  }
}
