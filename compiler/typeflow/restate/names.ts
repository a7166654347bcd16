import { ownDeclaration } from "../base/names.js";
import type { RestateOps } from "./ops.js";
import type { SyntaxNode } from "./syntax.js";

/** The DSL's step factories: their first argument is the state name. */
const factories = new Set(["task", "pass", "wait", "choice", "parallel", "map", "succeed", "fail"]);

/** Methods that start a new step from a chain's end (`a.next(b)` ends where b ends). */
const joining = new Set(["next"]);

/**
 * The name a DSL function is declared under, found by its symbol (through renamed imports,
 * namespace imports and re-exports) and only when the declaration is this package's own: a
 * function of the user's that happens to be called `task` is not a step factory.
 */
export async function dslFunction<T>(ops: RestateOps<T>, callee: SyntaxNode): Promise<string | undefined> {
  const target = await ops.symbolAt(ops.syntax.is(callee, "PropertyAccessExpression") && callee.name ? callee.name : callee);
  const [declaration] = target?.declarations ?? [];
  return target && declaration && ownDeclaration.test(declaration.file) ? target.name : undefined;
}

/** The state name a factory call gives its step (`task("Charge", ...)`: Charge). */
export async function factoryName<T>(ops: RestateOps<T>, call: SyntaxNode): Promise<string | undefined> {
  if (!ops.syntax.is(call, "CallExpression") || !call.expression) return undefined;
  const name = ops.syntax.literal(call.arguments?.[0]);
  if (name === undefined) return undefined;
  const factory = await dslFunction(ops, call.expression);
  return factory !== undefined && factories.has(factory) ? name : undefined;
}

/** What a name stands for: a `const`'s initializer (through imports), or the factory call whose builder declares it as a parameter. */
async function definitionOf<T>(ops: RestateOps<T>, identifier: SyntaxNode): Promise<{ expression?: SyntaxNode; builder?: SyntaxNode }> {
  const symbol = await ops.symbolAt(identifier);
  for (const declaration of symbol?.declarations ?? []) {
    const node = await declaration.node();
    if (ops.syntax.is(node, "VariableDeclaration")) return node.initializer ? { expression: node.initializer } : {};
    // `c` in `choice("Route", (c) => c.when(...))`: the parameter of the builder a factory calls stands for the step it builds.
    if (ops.syntax.is(node, "Parameter")) {
      const builder = node.parent;
      if (!ops.syntax.is(builder, "ArrowFunction", "FunctionExpression")) return {};
      return ops.syntax.isArgumentOf(builder.parent, builder) ? { builder: builder.parent! } : {};
    }
    return {};
  }
  return {};
}

/**
 * The state name of the first or last step of an expression (`validate.next(charge)` starts with
 * validate and ends with charge), read from the factory call, through method calls and `const` names.
 */
async function stepName<T>(
  ops: RestateOps<T>,
  expression: SyntaxNode,
  end: "first" | "last",
  seen = new Set<SyntaxNode>(),
): Promise<string | undefined> {
  const { syntax } = ops;
  for (let node = syntax.unwrap(expression); !seen.has(node);) {
    seen.add(node);
    const name = await factoryName(ops, node);
    if (name !== undefined) return name;
    if (syntax.is(node, "Identifier")) {
      const { expression: definition, builder } = await definitionOf(ops, node);
      if (builder) return factoryName(ops, builder);
      if (!definition) return undefined;
      node = syntax.unwrap(definition);
      continue;
    }
    const callee = syntax.is(node, "CallExpression") ? node.expression : undefined;
    if (!syntax.is(callee, "PropertyAccessExpression") || !callee.expression) return undefined;
    const argument = node.arguments?.[0];
    // Other methods (.retry, .resultPath, .when, ...) return the same step.
    const next = end === "last" && joining.has(syntax.methodName(callee) ?? "") && argument ? argument : callee.expression;
    node = syntax.unwrap(next);
  }
  return undefined;
}

export const firstStepName = <T>(ops: RestateOps<T>, expression: SyntaxNode) => stepName(ops, expression, "first");
export const lastStepName = <T>(ops: RestateOps<T>, expression: SyntaxNode) => stepName(ops, expression, "last");

/** A step's name in quotes for a message, or the code that makes it when the name is computed. */
export function quoted(name: string | undefined, expression: SyntaxNode): string {
  if (name !== undefined) return JSON.stringify(name);
  const text = expression.getText().replace(/\s+/g, " ");
  return `the step \`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}
