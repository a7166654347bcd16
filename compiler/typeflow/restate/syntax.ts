// No ts-morph here: the restating runs on the native checker's syntax trees as well as on the
// JavaScript checker's, which have the same fields under different kind numbers.

/**
 * A node of a syntax tree as both checkers give it: TypeScript 7's native API and the JavaScript
 * compiler name the same fields alike (`expression`, `name`, `arguments`, ...). Only the fields the
 * restating reads are listed.
 */
export interface SyntaxNode {
  readonly kind: number;
  readonly parent?: SyntaxNode | undefined;
  readonly pos: number;
  readonly end: number;
  getStart(): number;
  getText(): string;
  forEachChild<R>(visit: (node: SyntaxNode) => R | undefined): R | undefined;
  readonly expression?: SyntaxNode;
  readonly name?: SyntaxNode;
  readonly arguments?: readonly SyntaxNode[];
  readonly initializer?: SyntaxNode;
  readonly elements?: readonly SyntaxNode[];
  readonly properties?: readonly SyntaxNode[];
  readonly argumentExpression?: SyntaxNode;
  /** An identifier's name, a literal's value. */
  readonly text?: string;
}

/** The kinds of node the restating tells apart. */
export const kindNames = [
  "Identifier",
  "PropertyAccessExpression",
  "ElementAccessExpression",
  "CallExpression",
  "PropertyAssignment",
  "ObjectLiteralExpression",
  "ArrayLiteralExpression",
  "ArrowFunction",
  "FunctionExpression",
  "ParenthesizedExpression",
  "AsExpression",
  "NonNullExpression",
  "SatisfiesExpression",
  "StringLiteral",
  "NoSubstitutionTemplateLiteral",
  "NumericLiteral",
  "VariableDeclaration",
  "Parameter",
] as const;
export type KindName = (typeof kindNames)[number];

/** Each kind's number in one checker's trees (the two number them differently). */
export type Kinds = Readonly<Record<KindName, number>>;

/** The kinds' numbers read from a checker's own SyntaxKind enum, by name (never by reverse lookup: aliases share numbers). */
export function kindsOf(syntaxKind: Readonly<Record<string, unknown>>): Kinds {
  return Object.fromEntries(kindNames.map((name) => [name, syntaxKind[name] as number])) as Kinds;
}

declare const matched: unique symbol;
/** A node found to be of a kind: a type its test narrows to, and only in the branch where it holds. */
export type Matched = SyntaxNode & { readonly [matched]: true };

/** Questions about nodes of one checker's trees. */
export class Syntax {
  constructor(readonly kinds: Kinds) {}

  is(node: SyntaxNode | undefined, ...names: KindName[]): node is Matched {
    return node !== undefined && names.some((name) => node.kind === this.kinds[name]);
  }

  /** `fn` in `(fn)`, `fn as X`, `fn!`, `fn satisfies X`. */
  unwrap(node: SyntaxNode): SyntaxNode {
    let inner = node;
    while (this.is(inner, "ParenthesizedExpression", "AsExpression", "NonNullExpression", "SatisfiesExpression") && inner.expression)
      inner = inner.expression;
    return inner;
  }

  /** Whether a node is one of a call's arguments. */
  isArgumentOf(call: SyntaxNode | undefined, node: SyntaxNode): boolean {
    return this.is(call, "CallExpression") && (call.arguments ?? []).includes(node);
  }

  /** A string literal's value (`"Charge"`, `` `Charge` ``), else undefined. */
  literal(node: SyntaxNode | undefined): string | undefined {
    return this.is(node, "StringLiteral", "NoSubstitutionTemplateLiteral") ? node.text : undefined;
  }

  /** A method's name in `a.name(...)`, else undefined. */
  methodName(access: SyntaxNode | undefined): string | undefined {
    return this.is(access, "PropertyAccessExpression") ? access.name?.text : undefined;
  }

  /** The nearest ancestor that is one of the kinds. */
  ancestor(node: SyntaxNode, ...names: KindName[]): SyntaxNode | undefined {
    for (let up = node.parent; up; up = up.parent) if (this.is(up, ...names)) return up;
    return undefined;
  }
}

/** The deepest node whose text holds the position (where TypeScript starts an error). Iterative: chains nest thousands deep. */
export function nodeAt(source: SyntaxNode, position: number): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (let next: SyntaxNode | undefined = source; next;) {
    const current: SyntaxNode = next;
    next = current.forEachChild((child) => (child.getStart() <= position && position < child.end ? child : undefined));
    if (next) found = next;
  }
  return found;
}
