import { type Expression, Node } from "ts-morph";

/** The DSL's step factories: their first argument is the state name. */
const factories = new Set(["task", "pass", "wait", "choice", "parallel", "map", "succeed", "fail"]);

/** Methods that start a new step from a chain's end (`a.next(b)` ends where b ends). */
const joining = new Set(["next"]);

function unwrap(node: Node): Node {
  while (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isSatisfiesExpression(node)) {
    node = node.getExpression();
  }
  return node;
}

/** The expression a `const` name stands for, following imports to the module that declares it. */
function definitionOf(identifier: Node): Expression | undefined {
  const symbol = identifier.getSymbol();
  const target = symbol?.getAliasedSymbol() ?? symbol;
  for (const declaration of target?.getDeclarations() ?? []) {
    if (Node.isVariableDeclaration(declaration)) return declaration.getInitializer();
  }
  return undefined;
}

function factoryName(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isIdentifier(callee) || !factories.has(callee.getText())) return undefined;
  const [first] = call.getArguments();
  return first && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) ? first.getLiteralValue() : undefined;
}

/**
 * The state name of the first or last step of an expression (`validate.next(charge)` starts with
 * validate and ends with charge), read from the factory call, through method calls and `const` names.
 */
function stepName(expression: Node, end: "first" | "last", seen = new Set<Node>()): string | undefined {
  const node = unwrap(expression);
  if (seen.has(node)) return undefined;
  seen.add(node);
  const name = factoryName(node);
  if (name !== undefined) return name;
  if (Node.isIdentifier(node)) {
    const definition = definitionOf(node);
    return definition ? stepName(definition, end, seen) : undefined;
  }
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const [argument] = node.getArguments();
  // Other methods (.retry, .resultPath, .when, ...) return the same step.
  if (end === "last" && joining.has(callee.getName()) && argument) return stepName(argument, end, seen);
  return stepName(callee.getExpression(), end, seen);
}

export const firstStepName = (expression: Node): string | undefined => stepName(expression, "first");
export const lastStepName = (expression: Node): string | undefined => stepName(expression, "last");

/** A step's name in quotes for a message, or the code that makes it when the name is computed. */
export function quoted(name: string | undefined, expression: Node): string {
  if (name !== undefined) return JSON.stringify(name);
  const text = expression.getText().replace(/\s+/g, " ");
  return `the step \`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}
