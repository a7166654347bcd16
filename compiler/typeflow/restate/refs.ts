import { type ArrowFunction, type FunctionExpression, Node, type ts } from "ts-morph";
import { factoryName, lastStepName } from "../base/names.js";
import { typeWords } from "./operators.js";

/** Where the package declares references (`Ref<T>`, `RefBase<T>`): src/data/ref.ts, or its `.d.ts` in dist/. */
const refDeclaration = /\/src\/data\/ref\.(d\.)?[cm]?[jt]s$/;

/** `T` of a reference to a `T` (its type-only `[refType]` marker), or undefined for a type that is no reference. */
export function refTarget(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): ts.Type | undefined {
  const marker = type
    .getProperties()
    .find(
      (p) =>
        p.getName().startsWith("__@refType@") && (p.getDeclarations() ?? []).some((d) => refDeclaration.test(d.getSourceFile().fileName)),
    );
  return marker && checker.getTypeOfSymbolAtLocation(marker, at);
}

/** A read as written: the builder's parameter it starts from and the fields below it (`$.order.id`: `$`, order, id). */
export interface WrittenRead {
  readonly root: string;
  readonly segments: readonly (string | number)[];
}

export function writtenRead(expression: Node): WrittenRead | undefined {
  const segments: (string | number)[] = [];
  let node = expression;
  for (;;) {
    if (Node.isPropertyAccessExpression(node)) segments.unshift(node.getName());
    else if (Node.isElementAccessExpression(node)) {
      const index = node.getArgumentExpression();
      if (Node.isNumericLiteral(index)) segments.unshift(Number(index.getLiteralValue()));
      else if (Node.isStringLiteral(index)) segments.unshift(index.getLiteralValue());
      else return undefined;
    } else if (!(Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node))) break;
    node = (node as { getExpression(): Node }).getExpression();
  }
  return Node.isIdentifier(node) ? { root: node.getText(), segments } : undefined;
}

/** A read in a message's words: `input.order.id` for `$`, `context.Execution.Id` for `$$`, else the parameter's name (`result.Payload`). */
export function readWords({ root, segments }: WrittenRead): string {
  const start = root === "$" ? "input" : root === "$$" ? "context" : root;
  return segments.reduce<string>((text, s) => (typeof s === "number" ? `${text}[${s}]` : `${text}.${s}`), start);
}

/** A value a step gives, as a message names it: the read and its type (`input.orderId (string)`), or the code and its type (`"1000" (string)`). */
export function valueWords(checker: ts.TypeChecker, value: Node): string {
  const type = checker.getTypeAtLocation(value.compilerNode);
  const read = writtenRead(value);
  const target = refTarget(checker, type, value.compilerNode);
  return read && target
    ? `${readWords(read)} (${typeWords(checker, target, value.compilerNode)})`
    : `${value.getText()} (${typeWords(checker, checker.getBaseTypeOfLiteralType(type), value.compilerNode)})`;
}

/**
 * The step whose builder the node is written in: `c.when(($) => ...)` in `choice("Route", ...)`,
 * `store.parameters(($) => ...)`, `task("Charge", fn, { parameters: ($) => ... })`.
 */
export function stepAround(node: Node): string | undefined {
  const isBuilder = (n: Node): n is ArrowFunction | FunctionExpression => Node.isArrowFunction(n) || Node.isFunctionExpression(n);
  for (let builder = node.getFirstAncestor(isBuilder); builder; builder = builder.getFirstAncestor(isBuilder)) {
    let holder = builder.getParent();
    // An option of a factory: `{ parameters: ($) => ... }`.
    if (holder && Node.isPropertyAssignment(holder)) holder = holder.getParent()?.getParent();
    if (!holder || !Node.isCallExpression(holder)) continue;
    const name = factoryName(holder);
    if (name !== undefined) return name;
    const callee = holder.getExpression();
    if (Node.isPropertyAccessExpression(callee)) {
      const receiver = lastStepName(callee.getExpression());
      if (receiver !== undefined) return receiver;
    }
  }
  return undefined;
}

/** How a message names the step: `"Route"`, or `A step` where its name is not written as a literal. */
export function stepWords(name: string | undefined): string {
  return name !== undefined ? JSON.stringify(name) : "A step";
}
