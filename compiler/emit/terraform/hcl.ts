import { loneSurrogate } from "../../base/unicode.js";

/**
 * HCL text in `terraform fmt` style: two-space indent, `=` aligned among neighbouring attributes,
 * every string escaped (quotes, backslashes, control and non-ASCII characters, and the template
 * sequences `${` and `%{`). Terraform expressions travel inside strings as reference tokens (see
 * References) and come out as bare expressions or interpolations.
 */

/** Terraform expressions by token; a token is a private-use character pair around an index. */
export class References {
  readonly #expressions: string[] = [];
  readonly #byExpression = new Map<string, string>();

  /** A string standing for `expression` until the HCL is written. */
  token(expression: string): string {
    let token = this.#byExpression.get(expression);
    if (!token) {
      token = `\uE000${this.#expressions.length}\uE001`;
      this.#expressions.push(expression);
      this.#byExpression.set(expression, token);
    }
    return token;
  }

  /** The string as literal text and expressions, in order. */
  parts(text: string): ({ literal: string } | { expression: string })[] {
    if (!text.includes("\uE000")) return [{ literal: text }];
    const parts: ({ literal: string } | { expression: string })[] = [];
    let last = 0;
    for (const match of text.matchAll(/\uE000(\d+)\uE001/g)) {
      const expression = this.#expressions[Number(match[1])];
      if (expression === undefined) continue; // not ours: stays literal text
      if (match.index > last) parts.push({ literal: text.slice(last, match.index) });
      parts.push({ expression });
      last = match.index + match[0].length;
    }
    if (last < text.length || parts.length === 0) parts.push({ literal: text.slice(last) });
    return parts;
  }
}

/** An expression written as is (`var.tags`, `aws_iam_role.x.arn`, `jsonencode(...)` built by the caller). */
export class Raw {
  constructor(readonly text: string) {}
}

/** A list element with `#` comment lines above it (why a policy statement is as wide as it is). */
export class Commented {
  constructor(
    readonly lines: readonly string[],
    readonly value: HclValue,
  ) {}
}

/** `jsonencode(value)`: HCL objects that Terraform turns into JSON text. */
export class JsonEncode {
  constructor(readonly value: HclValue) {}
}

export type HclValue =
  string | number | boolean | null | Raw | Commented | JsonEncode | readonly HclValue[] | { readonly [key: string]: HclValue };

/** Printable ASCII without a quote, a backslash, or a `$` or `%` that could open a template. */
const plainText = /^[ !#&-[\]-~]*$/;

/** The body of a quoted HCL string: escapes, and `$${` / `%%{` so no template starts by accident. */
export function escapeString(text: string): string {
  // Most strings need no escape at all: a module holds thousands of them.
  if (plainText.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0xffff)) out += `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
    else if (code > 0xffff) out += `\\U${code.toString(16).toUpperCase().padStart(8, "0")}`;
    else out += char;
  }
  return out.replaceAll("${", () => "$${").replaceAll("%{", "%%{");
}

/** What ends or breaks a comment line: control characters, Unicode line separators, lone surrogates. */
const commentBreaking = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]|${loneSurrogate.source}`, "g");

/**
 * A comment line's text: a line break, another control character, a Unicode line or paragraph
 * separator or a lone surrogate would end the comment (and what follows would be HCL) or make the
 * file unreadable, so each is written as its `\u` escape. A comment is never read back: the escape
 * only has to be harmless and readable.
 */
export function commentText(text: string): string {
  return text.replace(commentBreaking, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** A string value: a bare reference when it is exactly one, else a quoted template. */
function stringValue(text: string, refs: References): string {
  const parts = refs.parts(text);
  if (parts.length === 1 && "expression" in parts[0]!) return parts[0].expression;
  return `"${parts.map((p) => ("literal" in p ? escapeString(p.literal) : `\${${p.expression}}`)).join("")}"`;
}

const keywords = new Set(["null", "true", "false", "for", "in", "if", "endfor", "endif"]);

/** An object key: bare when it is an identifier HCL reads as the same string, else quoted. */
export function objectKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !keywords.has(key) ? key : `"${escapeString(key)}"`;
}

const isMultiline = (text: string) => text.includes("\n");

/**
 * Attribute lines `key = value`, `=` aligned within each run of single-line values. As in
 * `terraform fmt` (hclwrite), a line opening a multi-line value takes no part in alignment and ends
 * the run, and so does its closing line.
 */
export function attributes(entries: readonly [string, string][], indent: string): string[] {
  const lines: string[] = [];
  let group: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map(([k]) => k.length));
    for (const [k, v] of group) lines.push(`${indent}${k.padEnd(width)} = ${v}`);
    group = [];
  };
  for (const [key, value] of entries) {
    if (isMultiline(value)) {
      flush();
      lines.push(`${indent}${key} = ${value}`);
    } else group.push([key, value]);
  }
  flush();
  return lines;
}

/** An HCL expression for a value, indented for a line that starts at `indent`. */
export function hclValue(value: HclValue, refs: References, indent = ""): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof JsonEncode) return `jsonencode(${hclValue(value.value, refs, indent)})`;
  if (value instanceof Commented) return hclValue(value.value, refs, indent);
  if (value === null) return "null";
  if (typeof value === "string") return stringValue(value, refs);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const item = (v: HclValue) => {
      const comment = v instanceof Commented ? v.lines.map((line) => `${inner}# ${commentText(line)}\n`).join("") : "";
      return `${comment}${inner}${hclValue(v, refs, inner)},`;
    };
    return `[\n${value.map(item).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, HclValue>);
  if (entries.length === 0) return "{}";
  const lines = attributes(
    entries.map(([k, v]) => [objectKey(k), hclValue(v, refs, inner)]),
    inner,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** A block: `type "label" "label" { ... }` with attributes, then nested blocks, blank-line separated. */
export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  /** Lines written above the block. */
  readonly comment?: readonly string[];
  readonly attributes: readonly [string, HclValue][];
  readonly blocks?: readonly Block[];
}

export function hclBlock(block: Block, refs: References, indent = ""): string {
  const inner = `${indent}  `;
  const head = [block.type, ...block.labels.map((l) => `"${escapeString(l)}"`)].join(" ");
  const sections: string[] = [];
  // Each value written once: a state machine's definition is most of the module's text.
  const written = block.attributes.map(([k, v]): [string, string] => [k, hclValue(v, refs, inner)]);
  const simple = written.filter(([, text]) => !isMultiline(text));
  if (simple.length > 0) sections.push(attributes(simple, inner).join("\n"));
  for (const [k, text] of written) if (isMultiline(text)) sections.push(`${inner}${k} = ${text}`);
  for (const child of block.blocks ?? []) sections.push(hclBlock(child, refs, inner));
  const comment = (block.comment ?? []).map((c) => `${indent}# ${commentText(c)}\n`).join("");
  return `${comment}${indent}${head} {\n${sections.join("\n\n")}\n${indent}}`;
}

/** A file of blocks, blank lines between them, ending in a newline. */
export function hclFile(blocks: readonly Block[], refs: References, header?: readonly string[]): string {
  const top = header ? `${header.map((h) => `# ${commentText(h)}`).join("\n")}\n\n` : "";
  return `${top}${blocks.map((b) => hclBlock(b, refs)).join("\n\n")}\n`;
}
