import { createHash, randomUUID } from "node:crypto";
import { StatesError } from "./errors.js";

/**
 * The intrinsic functions of JSONPath states, as AWS documents them
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). A call's
 * arguments are literals (single-quoted strings, numbers, booleans, null), paths, or other calls.
 */
type Argument =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Argument[] };

const maxNesting = 16;

/** Reads one call at `at` of `text`, returning it and where it ends. */
function parseCall(text: string, at: number, depth: number): { call: Argument; end: number } {
  if (depth > maxNesting) throw new Error("intrinsic calls nested too deep");
  const name = /States\.[A-Za-z0-9]+/y;
  name.lastIndex = at;
  const match = name.exec(text);
  if (!match || text[name.lastIndex] !== "(") throw new Error(`expected an intrinsic call at ${at}`);
  let i = name.lastIndex + 1;
  const args: Argument[] = [];
  const skip = () => {
    while (text[i] === " ") i++;
  };
  skip();
  if (text[i] === ")") return { call: { kind: "call", name: match[0], args }, end: i + 1 };
  for (;;) {
    skip();
    const { arg, end } = parseArgument(text, i, depth);
    args.push(arg);
    i = end;
    skip();
    if (text[i] === ",") i++;
    else if (text[i] === ")") return { call: { kind: "call", name: match[0], args }, end: i + 1 };
    else throw new Error(`expected , or ) at ${i}`);
  }
}

function parseArgument(text: string, at: number, depth: number): { arg: Argument; end: number } {
  const c = text[at];
  if (c === "'") {
    let value = "";
    let i = at + 1;
    for (; i < text.length && text[i] !== "'"; i++) {
      // `\{` and `\}` are braces States.Format does not fill: kept apart until Format has run.
      if (text[i] === "\\" && i + 1 < text.length) value += escapedBrace[text[++i]!] ?? text[i];
      else value += text[i];
    }
    if (i >= text.length) throw new Error("unterminated string");
    return { arg: { kind: "literal", value }, end: i + 1 };
  }
  if (text.startsWith("States.", at)) {
    const { call, end } = parseCall(text, at, depth + 1);
    return { arg: call, end };
  }
  const token = /[^,)\s]+/y;
  token.lastIndex = at;
  const raw = token.exec(text)?.[0];
  if (raw === undefined) throw new Error(`expected an argument at ${at}`);
  const end = at + raw.length;
  if (raw.startsWith("$")) {
    // A path may hold brackets, quotes and parentheses of a filter: read to the balanced end.
    let i = at;
    let brackets = 0;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === "[" || ch === "(") brackets++;
      else if (ch === "]" || ch === ")") {
        if (brackets === 0) break;
        brackets--;
      } else if (ch === "," && brackets === 0) break;
    }
    return { arg: { kind: "path", path: text.slice(at, i).trim() }, end: i };
  }
  if (raw === "true" || raw === "false") return { arg: { kind: "literal", value: raw === "true" }, end };
  if (raw === "null") return { arg: { kind: "literal", value: null }, end };
  const number = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(number)) return { arg: { kind: "literal", value: number }, end };
  throw new Error(`unexpected ${raw}`);
}

const escapedBrace: Readonly<Record<string, string>> = { "{": "\uE000", "}": "\uE001" };
const unescapeBraces = (value: unknown) => (typeof value === "string" ? value.replace(/\uE000/g, "{").replace(/\uE001/g, "}") : value);

const failure = (name: string, why: string) => new StatesError("States.IntrinsicFailure", `${name}: ${why}`);

function needString(name: string, value: unknown, what: string): string {
  if (typeof value !== "string") throw failure(name, `${what} must be a string, not ${JSON.stringify(value)}`);
  return value;
}
function needArray(name: string, value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw failure(name, `${what} must be an array, not ${JSON.stringify(value)}`);
  return value;
}
function needNumber(name: string, value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw failure(name, `${what} must be a number, not ${JSON.stringify(value)}`);
  return value;
}
function needInteger(name: string, value: unknown, what: string): number {
  const n = needNumber(name, value, what);
  if (!Number.isInteger(n)) throw failure(name, `${what} must be an integer, not ${n}`);
  return n;
}

/** `{}` placeholders filled in order; `\{` and `\}` (as the text writes them, after the string's own escapes) are braces. */
function format(template: string, values: readonly unknown[]): string {
  let out = "";
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === "{" && template[i + 1] === "}") {
      if (next >= values.length) throw failure("States.Format", "fewer arguments than {} placeholders");
      const value = values[next++];
      if (value !== null && typeof value === "object")
        throw failure("States.Format", "an argument must be a string, number, boolean or null");
      out += String(value);
      i++;
    } else out += template[i];
  }
  if (next !== values.length) throw failure("States.Format", "more arguments than {} placeholders");
  return out;
}

/** A stable key for a JSON value (ArrayContains, ArrayUnique compare values, not references). */
const keyOf = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** The algorithms States.Hash and JSONata's `$hash` take, by AWS's name, as Node names them. */
const hashes: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** A value's hash in hex (text as it is, anything else as its JSON), or why the algorithm is not one AWS takes. */
export function hashOf(value: unknown, algorithm: string): { readonly hex: string } | { readonly wrong: string } {
  const hash = hashes[algorithm];
  if (!hash) return { wrong: `the algorithm must be one of ${Object.keys(hashes).join(", ")}` };
  return {
    hex: createHash(hash)
      .update(typeof value === "string" ? value : JSON.stringify(value), "utf8")
      .digest("hex"),
  };
}

function call(name: string, a: readonly unknown[]): unknown {
  const arity = (min: number, max = min) => {
    if (a.length < min || a.length > max) throw failure(name, `takes ${min === max ? min : `${min} to ${max}`} arguments, not ${a.length}`);
  };
  switch (name) {
    case "States.Format":
      if (a.length < 1) throw failure(name, "takes a template");
      return format(needString(name, a[0], "the template"), a.slice(1));
    case "States.StringToJson":
      arity(1);
      try {
        return JSON.parse(needString(name, a[0], "the argument"));
      } catch (error) {
        if (error instanceof StatesError) throw error;
        throw failure(name, "the argument is not JSON");
      }
    case "States.JsonToString":
      arity(1);
      return JSON.stringify(a[0]);
    case "States.Array":
      return [...a];
    case "States.ArrayPartition": {
      arity(2);
      const array = needArray(name, a[0], "the first argument");
      const size = needInteger(name, a[1], "the chunk size");
      if (size <= 0) throw failure(name, "the chunk size must be positive");
      const chunks: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
      return chunks;
    }
    case "States.ArrayContains":
      arity(2);
      return needArray(name, a[0], "the first argument").some((item) => keyOf(item) === keyOf(a[1]));
    case "States.ArrayRange": {
      arity(3);
      const [start, end, step] = [
        needInteger(name, a[0], "the start"),
        needInteger(name, a[1], "the end"),
        needInteger(name, a[2], "the step"),
      ];
      if (step === 0) throw failure(name, "the step must not be 0");
      const out: number[] = [];
      for (let n = start; step > 0 ? n <= end : n >= end; n += step) {
        out.push(n);
        if (out.length > 1000) throw failure(name, "gives more than 1,000 items");
      }
      return out;
    }
    case "States.ArrayGetItem": {
      arity(2);
      const array = needArray(name, a[0], "the first argument");
      const index = needInteger(name, a[1], "the index");
      if (index < 0 || index >= array.length) throw failure(name, `index ${index} is out of the array's bounds`);
      return array[index];
    }
    case "States.ArrayLength":
      arity(1);
      return needArray(name, a[0], "the argument").length;
    case "States.ArrayUnique": {
      arity(1);
      const seen = new Set<string>();
      return needArray(name, a[0], "the argument").filter((item) => !seen.has(keyOf(item)) && seen.add(keyOf(item)));
    }
    case "States.Base64Encode":
      arity(1);
      return Buffer.from(needString(name, a[0], "the argument"), "utf8").toString("base64");
    case "States.Base64Decode": {
      arity(1);
      const text = needString(name, a[0], "the argument");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw failure(name, "the argument is not Base64");
      return Buffer.from(text, "base64").toString("utf8");
    }
    case "States.Hash": {
      arity(2);
      const hash = hashOf(a[0], needString(name, a[1], "the algorithm"));
      if ("wrong" in hash) throw failure(name, hash.wrong);
      return hash.hex;
    }
    case "States.JsonMerge": {
      arity(3);
      const [left, right] = [a[0], a[1]];
      if (a[2] !== false) throw failure(name, "only a shallow merge (false) is supported by AWS");
      if (!left || typeof left !== "object" || Array.isArray(left) || !right || typeof right !== "object" || Array.isArray(right))
        throw failure(name, "merges two objects");
      return { ...left, ...right };
    }
    case "States.MathRandom": {
      arity(2, 3);
      const [start, end] = [needInteger(name, a[0], "the start"), needInteger(name, a[1], "the end")];
      return start + Math.floor(Math.random() * (end - start));
    }
    case "States.MathAdd":
      arity(2);
      return needNumber(name, a[0], "the first argument") + needNumber(name, a[1], "the second argument");
    case "States.StringSplit": {
      arity(2);
      const delimiters = [...needString(name, a[1], "the delimiter")];
      const text = needString(name, a[0], "the string");
      return text.split(new RegExp(`[${delimiters.map((d) => d.replace(/[\]\\^-]/g, "\\$&")).join("")}]`)).filter((part) => part !== "");
    }
    case "States.UUID":
      arity(0);
      return randomUUID();
    default:
      throw new StatesError("States.Runtime", `${name} is not an intrinsic function`);
  }
}

/** Evaluates an intrinsic call (`States.Format('{}', $.a)`), reading paths with `read`. */
export function evaluateIntrinsic(text: string, read: (path: string) => unknown, state: string): unknown {
  let parsed: Argument;
  try {
    const { call: c, end } = parseCall(text, 0, 0);
    if (text.slice(end).trim() !== "") throw new Error(`unexpected text after the call: ${text.slice(end)}`);
    parsed = c;
  } catch (error) {
    // A call that cannot be read is the definition's fault (States.Runtime); one whose arguments do not fit is States.IntrinsicFailure.
    throw new StatesError("States.Runtime", `In state '${state}': ${text} cannot be read: ${(error as Error).message}`);
  }
  const evaluate = (arg: Argument): unknown => {
    if (arg.kind === "path") return read(arg.path);
    if (arg.kind === "literal") return unescapeBraces(arg.value);
    // Format's template keeps its escaped braces apart from its placeholders until it has run.
    const values = arg.args.map((a, i) => (arg.name === "States.Format" && i === 0 && a.kind === "literal" ? a.value : evaluate(a)));
    return unescapeBraces(call(arg.name, values));
  };
  return evaluate(parsed);
}
