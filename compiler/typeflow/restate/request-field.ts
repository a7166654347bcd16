import { Node, type ts } from "ts-morph";
import { diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { members } from "../base/marked-input.js";
import { typeWords } from "./operators.js";
import { refTarget, stepAround, stepWords, valueWords } from "./refs.js";
import type { Restater } from "./restater.js";

/** The builders whose object is the request an integration sends. */
const requestBuilders = new Set(["parameters", "arguments"]);

/**
 * TS2322 on a field of a request a builder returns: `.parameters(($) => ({ amount: $.orderId }))`
 * gives a string where the integration's request needs a number.
 */
export const requestField: Restater = ({ checker, node, error, at }) => {
  if (error.code !== 2322) return undefined;
  const property = node.getParent();
  if (!property || !Node.isPropertyAssignment(property) || property.getNameNode() !== node) return undefined;
  const path = requestPath(property);
  const value = property.getInitializer();
  if (!path || !value) return undefined;
  const expected = checker.getContextualType(value.compilerNode as ts.Expression);
  if (!expected) return undefined;
  // What the field must be: the request's own type, without the references and expressions that may stand for it.
  const plain = members(expected).filter(
    (m) => !refTarget(checker, m, value.compilerNode) && !/^(Intrinsic|JsonataExpr)</.test(checker.typeToString(m)),
  );
  const needed = [...new Set(plain.map((m) => typeWords(checker, m, value.compilerNode)))].join(" | ");
  const givenWords = valueWords(checker, value);
  const step = stepAround(property);
  const field = path.join(".");
  return diagnostic(
    flowCodes.wrongFieldType,
    `${stepWords(step)} builds its request's ${field} from ${givenWords}, but the request needs ${field} as ${needed}.`,
    at,
    step !== undefined ? [step] : undefined,
  );
};

/** The property's path in the request a `parameters`/`arguments` builder returns, or undefined outside one. */
function requestPath(property: Node): string[] | undefined {
  const path: string[] = [];
  let node: Node | undefined = property;
  while (node && Node.isPropertyAssignment(node)) {
    path.unshift(node.getName().replace(/^["']|["']$/g, ""));
    const literal = node.getParent();
    node = literal?.getParent();
    // The object is the builder's result (`($) => ({...})`, in parentheses), or a field of an object above it.
    while (node && Node.isParenthesizedExpression(node)) node = node.getParent();
    if (node && (Node.isArrowFunction(node) || Node.isFunctionExpression(node))) return isRequestBuilder(node) ? path : undefined;
  }
  return undefined;
}

function isRequestBuilder(builder: Node): boolean {
  const holder = builder.getParent();
  if (holder && Node.isPropertyAssignment(holder)) return requestBuilders.has(holder.getName());
  if (!holder || !Node.isCallExpression(holder)) return false;
  const callee = holder.getExpression();
  return Node.isPropertyAccessExpression(callee) && requestBuilders.has(callee.getName());
}
