/**
 * ASL as the file users commit: Prettier-formatted JSON (printWidth 100), newline-terminated,
 * byte-stable. Prettier's JSON layout is simple enough to print directly, a hundred times faster
 * than Prettier itself, which matters for watch-mode rebuilds: an object or array stays on one line
 * when it fits; otherwise each entry gets a line of its own; an array of two or more objects (or
 * arrays) that each have two or more entries always breaks, and the break propagates to every
 * enclosing group. Where that description is not the whole truth (Prettier measures East Asian
 * wide and combining characters by display width; it fills arrays of numbers line by line), the
 * document goes through Prettier itself. `test/compiler/emit/asl/format.test.ts` holds the two
 * byte-identical over the ASL corpus and random documents.
 * @example const text = await formatAsl(emitAsl(orders.assemble().ir, { region: "us-east-1", account: "123456789012" }));
 */
export async function formatAsl(asl: unknown): Promise<string> {
  const text = JSON.stringify(asl);
  return needsPrettier(asl, text) ? prettierJson(text) : `${printValue(asl, 0, 0, 0)}\n`;
}

const printWidth = 100;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Prettier's own JSON formatting (its standalone build: the same output as `prettier`, loaded faster). */
export async function prettierJson(text: string): Promise<string> {
  const [babel, estree, { format }] = await Promise.all([
    import("prettier/plugins/babel"),
    import("prettier/plugins/estree"),
    import("prettier/standalone"),
  ]);
  return format(text, { parser: "json", printWidth, plugins: [babel, estree] });
}

function needsPrettier(value: unknown, text: string): boolean {
  // Non-ASCII text is measured by display width; arrays of numbers are filled.
  return /[^\x20-\x7e]/.test(text) || hasNumberArray(value);
}

function hasNumberArray(value: unknown): boolean {
  if (Array.isArray(value)) return (value.length > 1 && value.every((v) => typeof v === "number")) || value.some(hasNumberArray);
  return value !== null && typeof value === "object" && Object.values(value).some(hasNumberArray);
}

const entries = (value: Json[] | { [key: string]: Json }): [string | undefined, Json][] =>
  Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);

/** What an entry starts with: `"key": ` in an object, nothing in an array. */
const keyPrefix = (key: string | undefined): string => (key === undefined ? "" : `${JSON.stringify(key)}: `);

const isGroup = (value: Json): value is Json[] | { [key: string]: Json } => value !== null && typeof value === "object";
const size = (value: Json[] | { [key: string]: Json }) => (Array.isArray(value) ? value.length : Object.keys(value).length);

/** An array of two or more objects (or of two or more arrays), each with two or more entries: Prettier always breaks it. */
function alwaysBreaks(value: Json[] | { [key: string]: Json }): boolean {
  if (!Array.isArray(value) || value.length < 2) return false;
  return value.every((v, i) => isGroup(v) && size(v) > 1 && (i === 0 || Array.isArray(v) === Array.isArray(value[0])));
}

const breaking = new WeakMap<object, boolean>();

/**
 * Whether the value, or anything inside it, must break (a break inside breaks every enclosing
 * group). Remembered: each level of the document asks it of what it holds.
 */
function breaksInside(value: Json): boolean {
  if (!isGroup(value)) return false;
  let breaks = breaking.get(value);
  if (breaks === undefined) {
    breaks = alwaysBreaks(value) || entries(value).some(([, v]) => breaksInside(v));
    breaking.set(value, breaks);
  }
  return breaks;
}

/**
 * The value on one line, as Prettier prints a group that fits: `{ "a": 1 }`, `[1, 2]`; undefined
 * as soon as it would be longer than `room`. A state machine is far wider than a line: writing
 * it out whole at each level of the document to learn that cost more than printing it.
 */
function flat(value: Json, room = Infinity): string | undefined {
  const text = isGroup(value) ? flatGroup(value, room) : scalar(value);
  return text !== undefined && text.length <= room ? text : undefined;
}

function scalar(value: Exclude<Json, object>): string {
  // Prettier writes exponents without "+": 1e21, not JSON.stringify's 1e+21.
  return typeof value === "number" ? JSON.stringify(value).replace("e+", "e") : JSON.stringify(value);
}

function flatGroup(value: Json[] | { [key: string]: Json }, room: number): string | undefined {
  if (size(value) === 0) return Array.isArray(value) ? "[]" : "{}";
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  let length = open.length + close.length;
  const items: string[] = [];
  for (const [key, v] of entries(value)) {
    const prefix = keyPrefix(key);
    const item = flat(v, room - length - prefix.length);
    if (item === undefined) return undefined;
    items.push(`${prefix}${item}`);
    length += prefix.length + item.length + (items.length > 1 ? 2 : 0);
    if (length > room) return undefined;
  }
  return `${open}${items.join(", ")}${close}`;
}

/** The value starting at `column`, indented by `indent`, with `trailing` characters after it on its last line. */
function printValue(value: Json | unknown, indent: number, column: number, trailing: number): string {
  const json = value as Json;
  if (!isGroup(json) || size(json) === 0) return flat(json)!;
  if (!breaksInside(json)) {
    const line = flat(json, printWidth - column - trailing);
    if (line !== undefined) return line;
  }
  const inner = " ".repeat(indent + 2);
  const list = entries(json);
  const lines = list.map(([key, v], i) => {
    const prefix = keyPrefix(key);
    const comma = i < list.length - 1 ? 1 : 0;
    return `${inner}${prefix}${printValue(v, indent + 2, indent + 2 + prefix.length, comma)}${comma ? "," : ""}`;
  });
  const [open, close] = Array.isArray(json) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join("\n")}\n${" ".repeat(indent)}${close}`;
}
