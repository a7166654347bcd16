/**
 * What is known to be read of a value: its fields (by name) and, for an array, its elements. A
 * shape with neither is read whole, or not at all: written as `unknown`.
 */
const maxDepth = 12;

export class Shape {
  readonly fields = new Map<string, Shape>();
  /** What is read of every element (an array read as a whole: a Map's items). */
  element: Shape | undefined;
  /** What is read of each element by its index (`$[0].id`): a Parallel's result is one output per branch. */
  readonly indexes = new Map<number, Shape>();
  /** Read itself (not only as the way to fields below it). */
  whole = false;
  /** Only asked about by type tests (`IsPresent`, `IsString`, ...), which hold of an absent field too: it may be left out. */
  optional = false;
  /** What a read needs the value to be (a string for `.matches(...)`, a number for SecondsPath); `unknown` when reads disagree. */
  kind: "string" | "number" | "boolean" | "unknown" | undefined;

  /** Records what one read needs the value to be. */
  need(kind: "string" | "number" | "boolean"): this {
    this.kind = this.kind === undefined || this.kind === kind ? kind : "unknown";
    return this;
  }

  get empty(): boolean {
    return this.fields.size === 0 && this.element === undefined && this.indexes.size === 0 && this.kind === undefined;
  }

  /** What is read of element `index`: what is read of every element, and of that one. */
  elementAt(index: number): Shape {
    return new Shape().merge(this.element).merge(this.indexes.get(index));
  }

  /** What is read of any element. */
  anyElement(): Shape | undefined {
    if (!this.element && this.indexes.size === 0) return undefined;
    const all = new Shape().merge(this.element);
    for (const shape of this.indexes.values()) all.merge(shape);
    return all;
  }

  /** The shape at `path`, made if missing (a number is an array index: every element); the read needs every field on the way. */
  at(path: readonly (string | number)[]): Shape {
    return this.#walk(path, (shape) => (shape.optional = false));
  }

  /** The shape at `path` for a type test: fields made on the way may be absent (a read elsewhere may still need them). */
  tested(path: readonly (string | number)[]): Shape {
    return this.#walk(path, (shape, made) => made && (shape.optional = true));
  }

  #walk(path: readonly (string | number)[], mark: (shape: Shape, made: boolean) => void): Shape {
    let shape: Shape = this;
    // A loop that nests what it reads deeper each round would grow without end: what lies that deep is not typed.
    for (const segment of path.slice(0, maxDepth)) {
      const children: Map<string | number, Shape> = typeof segment === "number" ? shape.indexes : shape.fields;
      let next = children.get(segment);
      const made = !next;
      if (!next) children.set(segment, (next = new Shape()));
      mark(next, made);
      shape = next;
    }
    return shape;
  }

  /** The shape at `path` if anything below it is known. */
  find(path: readonly (string | number)[]): Shape | undefined {
    let shape: Shape | undefined = this;
    for (const segment of path)
      shape = typeof segment === "number" ? (shape?.indexes.get(segment) ?? shape?.element) : shape?.fields.get(segment);
    return shape;
  }

  /** Adds everything `other` knows. */
  merge(other: Shape | undefined): this {
    if (!other) return this;
    // A field is optional where every read of it is a type test.
    for (const [name, field] of other.fields) {
      const had = this.fields.get(name);
      const into = this.#walk([name], () => {}).merge(field);
      into.optional = had ? had.optional && field.optional : field.optional;
    }
    if (other.element) (this.element ??= new Shape()).merge(other.element);
    for (const [index, shape] of other.indexes) this.at([index]).merge(shape);
    if (other.whole) this.whole = true;
    if (other.kind === "unknown") this.kind = "unknown";
    else if (other.kind) this.need(other.kind);
    return this;
  }

  /** A copy without what lies at `path` (the part a ResultPath overwrites). */
  without(path: readonly (string | number)[]): Shape {
    const copy = new Shape().merge(this);
    if (path.length === 0) return new Shape();
    const last = path[path.length - 1]!;
    // The objects on the way are made by the write if missing: a parent left empty, not read itself, is not needed.
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent = copy.find(path.slice(0, depth));
      const key = depth === path.length - 1 ? last : path[depth]!;
      const child = typeof key === "string" ? parent?.fields.get(key) : parent?.indexes.get(key);
      if (depth < path.length - 1 && (!child?.empty || child.whole)) break;
      if (typeof key === "string") parent?.fields.delete(key);
      else parent?.indexes.delete(key);
    }
    return copy;
  }

  /** A shape holding `this` at `path`. */
  nestedAt(path: readonly (string | number)[]): Shape {
    const outer = new Shape();
    outer.at(path).merge(this);
    return outer;
  }

  /** Comparable text (field order kept as first read), for knowing when an analysis settles. */
  key(): string {
    const fields = [...this.fields].map(([name, field]) => `${JSON.stringify(name)}${field.optional ? "?" : ""}:${field.key()}`);
    const indexes = [...this.indexes].map(([i, s]) => `${i}:${s.key()}`);
    return `{${fields.join(",")}${this.element ? `,[${this.element.key()}]` : ""}${indexes.length > 0 ? `,[${indexes.join(",")}]` : ""}${this.kind ? `:${this.kind}` : ""}}`;
  }

  /**
   * Its fields, each `unknown`: `{ order: unknown; lines: unknown }`, what a step declares it takes.
   * Below a field, its builders' `$` is loose and its paths any, and what reaches it comes typed (or
   * not) from the step before: a deeper declaration could only be narrower than the data.
   */
  fieldsText(): string {
    if (this.fields.size === 0) return this.typeText();
    return `{ ${[...this.fields].map(([name, field]) => `${fieldName(name, field)}: unknown`).join("; ")} }`;
  }

  /** The shape as a TypeScript type: `{ order: { id: unknown }; lines: { sku: unknown }[] }`. */
  typeText(): string {
    const element = this.anyElement();
    const parts = [this.fields.size > 0, element !== undefined, this.kind !== undefined && this.kind !== "unknown"].filter(Boolean).length;
    if (parts > 1) return "unknown";
    // `readonly`: an array a Pass's result holds is inferred readonly, and a readonly array is all a read needs.
    // An array of which nothing is read but that it is one is `unknown`, as a leaf is: what is only handed on is not typed.
    if (element) return element.empty ? "unknown" : `readonly (${element.typeText()})[]`;
    if (this.fields.size === 0) return "unknown";
    return `{ ${[...this.fields].map(([name, field]) => `${fieldName(name, field)}: ${field.typeText()}`).join("; ")} }`;
  }
}

/** A field's name as a type literal writes it: quoted where it is no identifier, `?` where it may be absent. */
function fieldName(name: string, field: Shape): string {
  return `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}${field.optional ? "?" : ""}`;
}
