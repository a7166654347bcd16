/**
 * The part of HCL (Terraform's configuration language) that holds state machine definitions:
 * blocks and attributes, and the expressions a definition is written with — objects, tuples,
 * strings with `${...}` interpolations, heredocs, numbers, booleans, null, references
 * (`aws_lambda_function.charge.arn`) and function calls (`jsonencode(...)`, `templatefile(...)`).
 * Operators and `for` expressions are not read: a definition written with them is reported.
 */

export class HclError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export type Expression =
  | { readonly kind: "literal"; readonly value: string | number | boolean | null; readonly offset: number }
  /** A quoted string or heredoc: literal parts and the expressions interpolated between them. */
  | { readonly kind: "template"; readonly parts: readonly (string | Expression)[]; readonly offset: number; readonly heredoc: boolean }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, Expression])[]; readonly offset: number }
  | { readonly kind: "tuple"; readonly items: readonly Expression[]; readonly offset: number }
  /** A reference, as written: `aws_lambda_function.charge.arn`, `var.names[0]`. */
  | { readonly kind: "reference"; readonly text: string; readonly offset: number }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expression[]; readonly offset: number };

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly attributes: ReadonlyMap<string, Expression>;
  readonly blocks: readonly Block[];
  readonly offset: number;
}

class Parser {
  at = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.at): never {
    throw new HclError(at, message);
  }

  /** Skips blanks and comments; newlines too unless `keepLines`. */
  space(keepLines = false): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === " " || c === "\t" || c === "\r" || (c === "\n" && !keepLines)) this.at++;
      else if (c === "#" || (c === "/" && this.text[this.at + 1] === "/")) {
        const end = this.text.indexOf("\n", this.at);
        this.at = end < 0 ? this.text.length : end;
      } else if (c === "/" && this.text[this.at + 1] === "*") {
        const end = this.text.indexOf("*/", this.at + 2);
        if (end < 0) this.fail("a comment is never closed");
        this.at = end + 2;
      } else return;
    }
  }

  identifier(): string | undefined {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    return match[0];
  }

  expect(c: string): void {
    this.space();
    if (this.text[this.at] !== c) this.fail(`'${c}' expected`);
    this.at++;
  }

  body(end: string | undefined): { attributes: Map<string, Expression>; blocks: Block[] } {
    const attributes = new Map<string, Expression>();
    const blocks: Block[] = [];
    for (;;) {
      this.space();
      if (end !== undefined && this.text[this.at] === end) {
        this.at++;
        return { attributes, blocks };
      }
      if (this.at >= this.text.length) {
        if (end !== undefined) this.fail(`'${end}' expected before the end of the file`);
        return { attributes, blocks };
      }
      const offset = this.at;
      const name = this.identifier() ?? this.fail("an attribute or a block expected");
      this.space(true);
      if (this.text[this.at] === "=" && this.text[this.at + 1] !== "=") {
        this.at++;
        attributes.set(name, this.expression());
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.space();
        if (this.text[this.at] === "{") break;
        const label = this.text[this.at] === '"' ? this.quoted() : this.identifier();
        if (label === undefined) this.fail(`'{' expected after block ${name}`);
        labels.push(label);
      }
      this.at++;
      const inner = this.body("}");
      blocks.push({ type: name, labels, ...inner, offset });
    }
  }

  /** A quoted label (no interpolation). */
  quoted(): string {
    const start = this.at;
    const template = this.template();
    if (template.parts.some((p) => typeof p !== "string")) this.fail("a label cannot interpolate", start);
    return template.parts.join("");
  }

  expression(): Expression {
    this.space();
    const offset = this.at;
    const c = this.text[this.at];
    if (c === '"') return this.template();
    if (c === "<" && this.text[this.at + 1] === "<") return this.heredoc();
    if (c === "{") return this.object();
    if (c === "[") return this.tuple();
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { kind: "literal", value: Number(number[0]), offset };
    }
    const name = this.identifier();
    if (name === undefined) this.fail("an expression expected");
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", offset };
    if (name === "null") return { kind: "literal", value: null, offset };
    if (this.text[this.at] === "(") {
      this.at++;
      const args: Expression[] = [];
      for (;;) {
        this.space();
        if (this.text[this.at] === ")") break;
        args.push(this.expression());
        this.space();
        if (this.text[this.at] === ",") this.at++;
        else if (this.text[this.at] !== ")") this.fail("',' or ')' expected");
      }
      this.at++;
      return { kind: "call", name, args, offset };
    }
    // A reference: attribute access and indexes after the root name.
    let text = name;
    for (;;) {
      if (this.text[this.at] === "." && /[A-Za-z_*]/.test(this.text[this.at + 1] ?? "")) {
        this.at++;
        if (this.text[this.at] === "*") {
          this.at++;
          text += ".*";
        } else text += `.${this.identifier()}`;
      } else if (this.text[this.at] === "[") {
        const start = this.at;
        this.at++;
        const index = this.expression();
        this.expect("]");
        if (index.kind !== "literal") this.fail("an index must be a literal", start);
        text += `[${JSON.stringify(index.value)}]`;
      } else break;
    }
    this.space(true);
    if (/^([-+*/%<>!?]|==|&&|\|\|)/.test(this.text.slice(this.at)) && !/^(\/\/|\/\*)/.test(this.text.slice(this.at))) {
      this.fail("operators and conditional expressions are not read here: write the value");
    }
    return { kind: "reference", text, offset };
  }

  object(): Expression {
    const offset = this.at;
    this.at++;
    const entries: [string, Expression][] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === "}") break;
      const keyAt = this.at;
      const key =
        this.text[this.at] === '"'
          ? this.template()
          : this.text[this.at] === "("
            ? this.fail("a computed key is not read here")
            : undefined;
      let name: string;
      if (key) {
        if (key.kind !== "template" || key.parts.some((p) => typeof p !== "string")) this.fail("an object key cannot interpolate", keyAt);
        name = key.parts.join("");
      } else name = this.identifier() ?? this.fail("an object key expected");
      this.space();
      if (this.text[this.at] !== "=" && this.text[this.at] !== ":") this.fail("'=' or ':' expected after an object key");
      this.at++;
      entries.push([name, this.expression()]);
      this.space(true);
      if (this.text[this.at] === "," || this.text[this.at] === "\n") this.at++;
      else {
        this.space();
        if (this.text[this.at] !== "}") this.fail("',' or a new line expected between object items");
      }
    }
    this.at++;
    return { kind: "object", entries, offset };
  }

  tuple(): Expression {
    const offset = this.at;
    this.at++;
    const items: Expression[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === "]") break;
      if (this.text.startsWith("for ", this.at)) this.fail("a for expression is not read here: write the values");
      items.push(this.expression());
      this.space();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== "]") this.fail("',' or ']' expected");
    }
    this.at++;
    return { kind: "tuple", items, offset };
  }

  /** A `"..."` string: escapes decoded, `${...}` interpolations parsed, `$${` and `%%{` kept literal. */
  template(): Expression & { kind: "template" } {
    const offset = this.at;
    this.at++;
    const parts: (string | Expression)[] = [];
    let literal = "";
    const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === "\n") this.fail("a string is never closed", offset);
      if (c === '"') break;
      if (c === "\\") {
        const e = this.text[this.at + 1]!;
        if (e === "u" || e === "U") {
          const length = e === "u" ? 4 : 8;
          literal += String.fromCodePoint(parseInt(this.text.slice(this.at + 2, this.at + 2 + length), 16));
          this.at += 2 + length;
          continue;
        }
        if (!(e in escapes)) this.fail(`unknown escape \\${e}`);
        literal += escapes[e];
        this.at += 2;
        continue;
      }
      this.at = this.interpolation(parts, literal, (l) => (literal = l));
    }
    this.at++;
    if (literal !== "") parts.push(literal);
    return { kind: "template", parts, offset, heredoc: false };
  }

  /** One character of a template, or a `${...}` interpolation; returns where to go on. */
  interpolation(parts: (string | Expression)[], literal: string, setLiteral: (l: string) => void): number {
    const rest = this.text.slice(this.at, this.at + 3);
    if (rest.startsWith("$${") || rest.startsWith("%%{")) {
      setLiteral(`${literal}${rest[0]}{`);
      return this.at + 3;
    }
    if (rest.startsWith("%{")) this.fail("template directives (%{ ... }) are not read here");
    if (rest.startsWith("${")) {
      if (literal !== "") parts.push(literal);
      setLiteral("");
      this.at += 2;
      parts.push(this.expression());
      this.expect("}");
      return this.at;
    }
    setLiteral(literal + this.text[this.at]!);
    return this.at + 1;
  }

  /** `<<EOF` ... `EOF`, or `<<-EOF` with the common indentation removed. */
  heredoc(): Expression {
    const offset = this.at;
    const head = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(this.text.slice(this.at));
    if (!head) this.fail("a heredoc starts with <<NAME and a new line");
    this.at += head[0].length;
    const closing = new RegExp(`^[ \\t]*${head[2]}[ \\t]*$`, "m");
    const rest = this.text.slice(this.at);
    const end = closing.exec(rest);
    if (!end) this.fail(`the heredoc ${head[2]} is never closed`, offset);
    let body = rest.slice(0, end.index);
    const bodyStart = this.at;
    if (head[1] === "-") {
      const lines = body.split("\n");
      const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length));
      body = lines.map((l) => l.slice(indent)).join("\n");
    }
    const inner = new Parser(body);
    const parts: (string | Expression)[] = [];
    let literal = "";
    while (inner.at < body.length) inner.at = inner.interpolation(parts, literal, (l) => (literal = l));
    if (literal !== "") parts.push(literal);
    this.at = bodyStart + end.index + end[0].length;
    return { kind: "template", parts, offset, heredoc: true };
  }
}

/** Parses a Terraform file's blocks. Throws HclError at the first thing it cannot read. */
export function parseHcl(text: string): Block[] {
  return new Parser(text).body(undefined).blocks;
}
