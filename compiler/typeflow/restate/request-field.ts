import { diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import type { RestateOps } from "./ops.js";
import { typeWords } from "./operators.js";
import { refTarget, stepAround, stepWords, valueWords } from "./refs.js";
import type { Restater, TypeErrorAt } from "./restater.js";
import type { SyntaxNode } from "./syntax.js";

/** The builders whose object is the request an integration sends. */
const requestBuilders = new Set(["parameters", "arguments"]);

/**
 * TS2322 on a field of a request a builder returns: `.parameters(($) => ({ amount: $.orderId }))`
 * gives a string where the integration's request needs a number.
 */
export const requestField: Restater = async <T>({ ops, node, error, at }: TypeErrorAt<T>) => {
  if (error.code !== 2322) return undefined;
  const property = node.parent;
  if (!ops.syntax.is(property, "PropertyAssignment") || property.name !== node) return undefined;
  const path = requestPath(ops, property);
  const value = property.initializer;
  if (!path || !value) return undefined;
  const expected = await ops.contextualType(value);
  if (expected === undefined) return undefined;
  // What the field must be: the request's own type, without the references and expressions that may stand for it.
  const plain: T[] = [];
  for (const member of await ops.members(expected))
    if ((await refTarget(ops, member)) === undefined && !/^(Intrinsic|JsonataExpr)</.test(await ops.text(member, value, "plain")))
      plain.push(member);
  const needed = [...new Set(await Promise.all(plain.map((m) => typeWords(ops, m, value))))].join(" | ");
  const givenWords = await valueWords(ops, value);
  const step = await stepAround(ops, property);
  const field = path.join(".");
  return diagnostic(
    flowCodes.wrongFieldType,
    `${stepWords(step)} builds its request's ${field} from ${givenWords}, but the request needs ${field} as ${needed}.`,
    at,
    step !== undefined ? [step] : undefined,
  );
};

/** The property's path in the request a `parameters`/`arguments` builder returns, or undefined outside one. */
function requestPath<T>(ops: RestateOps<T>, property: SyntaxNode): string[] | undefined {
  const { syntax } = ops;
  const path: string[] = [];
  let node: SyntaxNode | undefined = property;
  while (syntax.is(node, "PropertyAssignment")) {
    path.unshift(node.name?.text ?? "");
    node = node.parent?.parent;
    // The object is the builder's result (`($) => ({...})`, in parentheses), or a field of an object above it.
    while (syntax.is(node, "ParenthesizedExpression")) node = node.parent;
    if (syntax.is(node, "ArrowFunction", "FunctionExpression")) return isRequestBuilder(ops, node) ? path : undefined;
  }
  return undefined;
}

function isRequestBuilder<T>({ syntax }: RestateOps<T>, builder: SyntaxNode): boolean {
  const holder = builder.parent;
  if (syntax.is(holder, "PropertyAssignment")) return requestBuilders.has(holder.name?.text ?? "");
  return syntax.is(holder, "CallExpression") && requestBuilders.has(syntax.methodName(holder.expression) ?? "");
}
