import { type Expression, Node, type ts } from "ts-morph";

/** The DSL's step factories: their first argument is the state name. */
const factories = new Set(["task", "pass", "wait", "choice", "parallel", "map", "succeed", "fail"]);

/** Methods that start a new step from a chain's end (`a.next(b)` ends where b ends). */
const joining = new Set(["next"]);

function unwrap(node: Node): Node {
  while (
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isNonNullExpression(node) ||
    Node.isSatisfiesExpression(node)
  ) {
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

/**
 * The name a DSL function is declared under, found by its symbol (through renamed imports,
 * namespace imports and re-exports) and only when the declaration is this package's own: a
 * function of the user's that happens to be called `task` is not a step factory.
 */
export function dslFunction(callee: Node): string | undefined {
  const symbol = callee.getSymbol();
  const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const declaration = target?.getDeclarations()[0];
  if (!target || !declaration) return undefined;
  return ownDeclaration.test(declaration.getSourceFile().getFilePath()) ? target.getName() : undefined;
}

/** Where the package declares its factories: `src/steps/<kind>.ts` and `src/workflow.ts`, or their `.d.ts` in `dist/`. */
const ownDeclaration = /\/src\/(steps\/[a-z-]+|workflow)\.(d\.)?[cm]?[jt]s$/;

/**
 * Whether a property is one of the package's type-only markers (`[inType]`, `[terminalType]`, ...):
 * a unique-symbol key TypeScript names `__@inType@<id>`, declared by the package's own step classes.
 */
export function isMarker(property: ts.Symbol, marker: "inType" | "outType" | "terminalType"): boolean {
  if (!property.getName().startsWith(`__@${marker}@`)) return false;
  return (property.getDeclarations() ?? []).some((d) => ownDeclaration.test(d.getSourceFile().fileName));
}

/** The state name a factory call gives its step (`task("Charge", ...)`: Charge). */
export function factoryName(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const factory = dslFunction(call.getExpression());
  if (factory === undefined || !factories.has(factory)) return undefined;
  const [first] = call.getArguments();
  return first && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) ? first.getLiteralValue() : undefined;
}

/** `c` in `choice("Route", (c) => c.when(...))`: the parameter of the builder a factory calls stands for the step it builds. */
function builderOf(identifier: Node): string | undefined {
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  const builder = declaration && Node.isParameterDeclaration(declaration) ? declaration.getParent() : undefined;
  if (!builder || !(Node.isArrowFunction(builder) || Node.isFunctionExpression(builder))) return undefined;
  const call = builder.getParent();
  return call && Node.isCallExpression(call) && call.getArguments().includes(builder) ? factoryName(call) : undefined;
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
    return definition ? stepName(definition, end, seen) : builderOf(node);
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
