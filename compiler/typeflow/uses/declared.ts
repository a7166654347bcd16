import { existsSync, readFileSync } from "node:fs";
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

/** A call in a step's own chain: its name, its type arguments and its arguments, as written. */
interface Call {
  readonly name: string;
  readonly types: string;
  readonly args: string;
}

/** The factory call at `at` and the method calls chained on it (`task(...).parameters(...).retry(...)`), nested steps left out. */
function ownCalls(text: string, at: number): Call[] {
  const calls: Call[] = [];
  let i = at;
  for (;;) {
    const name = /^\s*\.?\s*([A-Za-z_$][\w$]*)\s*/.exec(text.slice(i));
    if (!name) break;
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
    calls.push({ name: name[1]!, types, args: text.slice(j + 1, end) });
    i = end + 1;
    if (!/^\s*\./.test(text.slice(i))) break;
  }
  return calls;
}

/** A builder whose `$` carries its type (`($: Ref<Order>) => ...`), as an argument or an option's value. */
const annotatedBuilder = /^\s*\(\s*\$\s*:/;
const annotatedOption = (option: string) => new RegExp(`(?:^|[{,]\\s*)${option}\\s*:\\s*\\(\\s*\\$\\s*:`);
/** An integration with type arguments whose first (its input) is declared: `lambda<Order, Receipt>(...)`; an SDK call's first is its request. */
const typedIntegration = /^\s*(?:"[^"]*"|'[^']*'|`[^`]*`)\s*,\s*(?!sdk\b)[\w$]+(?:\.[\w$]+)?\s*<\s*(?!unknown\b)/;

/**
 * Whether a step's input type is written where the step is made, so TypeScript checks it itself:
 * type arguments on its factory (`choice<Order>(...)`) or on a builder method
 * (`.parameters<Order>(...)`), a builder's `$` with a type (`($: Ref<Order>) => ...`, also as
 * a Map's `items` or `itemSelector`, a Pass's or Task's `parameters`), or a Task's integration typed with its input
 * (`lambda<Order, Receipt>(...)`). Read from the source text of the step's own calls (not of the
 * steps written inside them), each file once.
 */
export function typeArgumentsWritten(texts: ReadonlyMap<string, string>): (state: StateNode) => boolean {
  const files = new Map<string, { text: string; lines: number[] } | undefined>();
  const fileOf = (file: string) => {
    if (!files.has(file)) {
      // The workflow files were read already; a step made in a module they import is read here.
      const text = texts.get(file) ?? (existsSync(file) ? readFileSync(file, "utf8") : undefined);
      const lines = [0];
      if (text !== undefined) for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines.push(i + 1);
      files.set(file, text === undefined ? undefined : { text, lines });
    }
    return files.get(file);
  };
  return (state) => {
    if (!state.source) return false;
    const { file, line, column } = state.source;
    const source = fileOf(file);
    if (!source || line - 1 >= source.lines.length) return false;
    const calls = ownCalls(source.text, source.lines[line - 1]! + column - 1);
    const [factory, ...methods] = calls;
    if (!factory) return false;
    if (factory.types.trim() !== "") return true;
    const builds = methods.some((m) => m.name === "parameters" || m.name === "arguments") || /(?:^|[{,]\s*)(?:parameters|arguments)\s*:/.test(factory.args);
    // An integration's input type is the step's only where the step builds no request.
    if (state.kind === "Task" && !builds && typedIntegration.test(factory.args)) return true;
    if (["items", "itemSelector", "parameters", "arguments"].some((option) => annotatedOption(option).test(factory.args))) return true;
    return methods.some((m) => ["parameters", "arguments", "inputPath"].includes(m.name) && (m.types.trim() !== "" || annotatedBuilder.test(m.args)));
  };
}
