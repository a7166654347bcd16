import { jsonPathError } from "./jsonpath.js";

/** The intrinsic functions AWS documents for JSONPath states. */
export const intrinsicNames = new Set([
  "States.Format",
  "States.StringToJson",
  "States.JsonToString",
  "States.Array",
  "States.ArrayPartition",
  "States.ArrayContains",
  "States.ArrayRange",
  "States.ArrayGetItem",
  "States.ArrayLength",
  "States.ArrayUnique",
  "States.Base64Encode",
  "States.Base64Decode",
  "States.Hash",
  "States.JsonMerge",
  "States.MathRandom",
  "States.MathAdd",
  "States.StringSplit",
  "States.UUID",
]);

/**
 * Syntax of a `.$` value: a JSONPath, or an intrinsic call whose arguments are string literals in
 * single quotes, numbers, booleans, null, paths or other intrinsic calls. Returns what is wrong.
 */
export function dynamicValueError(written: string): string | undefined {
  // Trailing blanks are ignored (AWS's own language service accepts `"States.UUID()  "`).
  const text = written.trimEnd();
  if (text.startsWith("$")) return jsonPathError(text);
  const parser = { text, at: 0 };
  const problem = call(parser);
  if (problem) return problem;
  return parser.at === text.length ? undefined : `unexpected text after the call at position ${parser.at}`;
}

interface Parser {
  readonly text: string;
  at: number;
}

function skipSpace(p: Parser): void {
  while (p.text[p.at] === " ") p.at++;
}

function call(p: Parser): string | undefined {
  const name = /^States\.[A-Za-z0-9]+/.exec(p.text.slice(p.at))?.[0];
  if (!name) return "not a path ($...) and not an intrinsic function (States.Name(...))";
  if (!intrinsicNames.has(name)) return `${name} is not an intrinsic function`;
  p.at += name.length;
  if (p.text[p.at] !== "(") return `'(' expected after ${name}`;
  p.at++;
  skipSpace(p);
  if (p.text[p.at] === ")") {
    p.at++;
    return undefined;
  }
  for (;;) {
    const problem = argument(p);
    if (problem) return problem;
    skipSpace(p);
    const c = p.text[p.at];
    p.at++;
    if (c === ")") return undefined;
    if (c !== ",") return c === undefined ? `${name}( is never closed` : `',' or ')' expected at position ${p.at - 1}`;
    skipSpace(p);
  }
}

function argument(p: Parser): string | undefined {
  const rest = p.text.slice(p.at);
  if (rest.startsWith("'")) {
    for (let i = p.at + 1; i < p.text.length; i++) {
      if (p.text[i] === "\\") i++;
      else if (p.text[i] === "'") {
        p.at = i + 1;
        return undefined;
      }
    }
    return `string at position ${p.at} is never closed`;
  }
  const literal = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)(?=\s*[,)])/.exec(rest);
  if (literal) {
    p.at += literal[0].length;
    return undefined;
  }
  if (rest.startsWith("States.")) return call(p);
  if (rest.startsWith("$")) {
    let depth = 0;
    let end = p.at;
    for (; end < p.text.length; end++) {
      const c = p.text[end]!;
      if (c === "[" || c === "(") depth++;
      else if (c === "]" || (c === ")" && depth > 0)) depth--;
      else if ((c === "," || c === ")") && depth === 0) break;
    }
    const problem = jsonPathError(p.text.slice(p.at, end).trim());
    p.at = end;
    return problem;
  }
  return `argument expected at position ${p.at}`;
}
