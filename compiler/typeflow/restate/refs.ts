import { factoryName, lastStepName } from "./names.js";
import type { RestateOps } from "./ops.js";
import { typeWords } from "./operators.js";
import type { SyntaxNode } from "./syntax.js";

/** Where the package declares references (`Ref<T>`, `RefBase<T>`): src/data/ref.ts, or its `.d.ts` in dist/. */
const refDeclaration = /\/src\/data\/ref\.(d\.)?[cm]?[jt]s$/;

/** `T` of a reference to a `T` (its type-only `[refType]` marker), or undefined for a type that is no reference. */
export async function refTarget<T>(ops: RestateOps<T>, type: T): Promise<T | undefined> {
  const marker = (await ops.properties(type)).find(
    (p) => p.name.startsWith("__@refType@") && p.declaredIn.some((file) => refDeclaration.test(file)),
  );
  return marker?.type();
}

/** A read as written: the builder's parameter it starts from and the fields below it (`$.order.id`: `$`, order, id). */
export interface WrittenRead {
  readonly root: string;
  readonly segments: readonly (string | number)[];
}

export function writtenRead<T>({ syntax }: RestateOps<T>, expression: SyntaxNode): WrittenRead | undefined {
  const segments: (string | number)[] = [];
  let node: SyntaxNode | undefined = expression;
  for (; node; node = node.expression) {
    if (syntax.is(node, "PropertyAccessExpression")) segments.unshift(node.name?.text ?? "");
    else if (syntax.is(node, "ElementAccessExpression")) {
      const index = node.argumentExpression;
      if (syntax.is(index, "NumericLiteral")) segments.unshift(Number(index.text));
      else if (syntax.is(index, "StringLiteral")) segments.unshift(index.text ?? "");
      else return undefined;
    } else if (!syntax.is(node, "ParenthesizedExpression", "NonNullExpression")) break;
  }
  return syntax.is(node, "Identifier") ? { root: node.getText(), segments } : undefined;
}

/** A read in a message's words: `input.order.id` for `$`, `context.Execution.Id` for `$$`, else the parameter's name (`result.Payload`). */
export function readWords({ root, segments }: WrittenRead): string {
  const start = root === "$" ? "input" : root === "$$" ? "context" : root;
  return segments.reduce<string>((text, s) => (typeof s === "number" ? `${text}[${s}]` : `${text}.${s}`), start);
}

/** A value a step gives, as a message names it: the read and its type (`input.orderId (string)`), or the code and its type (`"1000" (string)`). */
export async function valueWords<T>(ops: RestateOps<T>, value: SyntaxNode): Promise<string> {
  const type = await ops.typeAt(value);
  const read = writtenRead(ops, value);
  const target = read && type !== undefined ? await refTarget(ops, type) : undefined;
  if (read && target !== undefined) return `${readWords(read)} (${await typeWords(ops, target, value)})`;
  return type === undefined ? value.getText() : `${value.getText()} (${await typeWords(ops, await ops.literalBase(type), value)})`;
}

/**
 * The step whose builder the node is written in: `c.when(($) => ...)` in `choice("Route", ...)`,
 * `store.parameters(($) => ...)`, `task("Charge", fn, { parameters: ($) => ... })`.
 */
export async function stepAround<T>(ops: RestateOps<T>, node: SyntaxNode): Promise<string | undefined> {
  const { syntax } = ops;
  for (let builder = syntax.ancestor(node, "ArrowFunction", "FunctionExpression"); builder;) {
    let holder = builder.parent;
    // An option of a factory: `{ parameters: ($) => ... }`.
    if (syntax.is(holder, "PropertyAssignment")) holder = holder.parent?.parent;
    if (syntax.is(holder, "CallExpression")) {
      const name = await factoryName(ops, holder);
      if (name !== undefined) return name;
      const callee = holder.expression;
      if (syntax.is(callee, "PropertyAccessExpression") && callee.expression) {
        const receiver = await lastStepName(ops, callee.expression);
        if (receiver !== undefined) return receiver;
      }
    }
    builder = syntax.ancestor(builder, "ArrowFunction", "FunctionExpression");
  }
  return undefined;
}

/** How a message names the step: `"Route"`, or `A step` where its name is not written as a literal. */
export function stepWords(name: string | undefined): string {
  return name !== undefined ? JSON.stringify(name) : "A step";
}
