/**
 * Syntax of the JSONPath strings ASL accepts (AWS evaluates them with Jayway JsonPath): `$`, `$$`
 * (the context object) or `$name` (a variable), then `.name`, `..name`, `.*`, `[n]`, `['name']`,
 * `[*]`, slices `[a:b]`, unions and filters `[?(...)]`. Returns what is wrong, or undefined.
 */
export function jsonPathError(written: string, { reference = false } = {}): string | undefined {
  // Trailing blanks are ignored, as AWS's own language service does.
  const path = written.trimEnd();
  let i: number;
  if (path.startsWith("$$")) i = 2;
  else if (path.startsWith("$")) {
    i = 1;
    while (i < path.length && /[\w]/.test(path[i]!)) i++;
  } else return "a path starts with $ (the input), $$ (the context object) or $name (a variable)";
  if (reference && path.startsWith("$$")) return "a reference path cannot point into the context object";
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      const deep = path[i + 1] === ".";
      if (deep && reference) return "a reference path cannot use '..' (deep scan)";
      i += deep ? 2 : 1;
      if (path[i] === "*") {
        if (reference) return "a reference path cannot use '*'";
        i++;
        continue;
      }
      // `$..[0]`, and `$.[0]` / `$.a.['b']` too: AWS's samples write a dot before brackets, and AWS runs them.
      if (path[i] === "[") continue;
      const start = i;
      while (i < path.length && !".[]".includes(path[i]!) && !/\s/.test(path[i]!)) i++;
      if (i === start) return `a name is missing after '${deep ? ".." : "."}' at position ${start}`;
    } else if (c === "[") {
      const end = closingBracket(path, i);
      if (end === undefined) return `'[' at position ${i} is never closed`;
      const problem = bracketError(path.slice(i + 1, end).trim(), reference);
      if (problem) return `${problem} in '${path.slice(i, end + 1)}'`;
      i = end + 1;
    } else {
      return `unexpected '${c}' at position ${i}`;
    }
  }
  return undefined;
}

/** The index of the `]` closing the `[` at `open`, skipping quoted strings and parentheses. */
function closingBracket(path: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "]" && depth === 0) return i;
  }
  return undefined;
}

const quotedName = /^(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")$/;

function bracketError(inside: string, reference: boolean): string | undefined {
  if (/^\d+$/.test(inside) || quotedName.test(inside)) return undefined;
  if (reference) return "a reference path allows only [n] and ['name']";
  if (inside === "*" || /^-?\d+$/.test(inside) || /^-?\d*:-?\d*(:-?\d+)?$/.test(inside)) return undefined;
  if (inside.split(",").every((part) => /^\s*-?\d+\s*$/.test(part) || quotedName.test(part.trim()))) return undefined;
  if ((inside.startsWith("?(") || inside.startsWith("(")) && inside.endsWith(")") && balanced(inside)) return undefined;
  return inside === "" ? "empty brackets" : `'${inside}' is not an index, a quoted name, a slice or a filter`;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === "(" ? 1 : c === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}
