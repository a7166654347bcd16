import { isOwnMarker } from "../base/names.js";
import { dslFunction, firstStepName, lastStepName, quoted } from "./names.js";
import type { RestateOps } from "./ops.js";
import type { SyntaxNode } from "./syntax.js";

/** How a message names an edge's two ends. */
export interface EdgeNames {
  readonly consumerName: string | undefined;
  readonly producerName: string | undefined;
  /** The producer in a message's words: `"ValidateOrder"`, `Choice "Route"`, `the input of workflow "x"`. */
  readonly producer: string;
  /** A sentence appended to the message when the edge has a rule of its own (catchers). */
  readonly hint?: string;
}

/**
 * One edge of a workflow's graph as written in code: the argument that is the consumer (the step
 * that receives data) and how the message names both ends. The names ask the checker what each
 * call is (a round trip or two apiece): they come as a promise, to be asked beside the edge's types.
 */
export interface Edge {
  /** The expression of the consuming step or chain. */
  readonly consumer: SyntaxNode;
  readonly names: Promise<EdgeNames>;
}

async function argumentEdge<T>(ops: RestateOps<T>, call: SyntaxNode, argument: SyntaxNode): Promise<Edge | undefined> {
  const { syntax } = ops;
  const callee = call.expression;
  const receiver = callee?.expression;
  if (!syntax.is(callee, "PropertyAccessExpression") || !receiver) return undefined;
  const method = syntax.methodName(callee);
  const producers: Readonly<Record<string, (name: string) => string>> = {
    when: (name) => `Choice ${name}`,
    otherwise: (name) => `Choice ${name}`,
    catch: (name) => `the catcher on ${name}`,
    process: (name) => `each item of Map ${name}`,
  };
  if (method !== "next" && (method === undefined || !Object.hasOwn(producers, method))) return undefined;
  const options = call.arguments?.[2];
  const resultPath = syntax.is(options, "ObjectLiteralExpression") && options.properties?.some((p) => p.name?.text === "resultPath");
  const hint =
    method === "catch" && !resultPath
      ? { hint: "A catcher without resultPath passes only { Error, Cause }; set resultPath to keep the step's input." }
      : {};
  const names = async (): Promise<EdgeNames> => {
    const [consumerName, producerName] = await Promise.all([
      firstStepName(ops, argument),
      method === "next" ? lastStepName(ops, receiver) : firstStepName(ops, receiver),
    ]);
    const producer = quoted(producerName, receiver);
    return { consumerName, producerName, producer: method === "next" ? producer : producers[method]!(producer), ...hint };
  };
  return { consumer: argument, names: names() };
}

/** `workflow("name", { input, definition })`: the definition's first step takes the workflow input. */
async function definitionEdge<T>(ops: RestateOps<T>, property: SyntaxNode): Promise<Edge | undefined> {
  const { syntax } = ops;
  if (property.name?.text !== "definition" || !property.initializer) return undefined;
  const call = property.parent?.parent;
  if (!syntax.is(call, "CallExpression") || !call.expression || (await dslFunction(ops, call.expression)) !== "workflow") return undefined;
  const consumer = property.initializer;
  const name = syntax.is(call.arguments?.[0], "StringLiteral") ? call.arguments[0].text : undefined;
  const producer = `the input of workflow ${quoted(name, call)}`;
  return { consumer, names: firstStepName(ops, consumer).then((consumerName) => ({ consumerName, producerName: undefined, producer })) };
}

/** The edge a TypeScript diagnostic at `node` is about, if it is about one. */
export async function edgeAt<T>(ops: RestateOps<T>, node: SyntaxNode): Promise<Edge | undefined> {
  const edge = await edgeSite(ops, node);
  edge?.names.catch(() => {}); // whoever uses the names hears of a failure; an edge not restated leaves them unasked
  return edge;
}

async function edgeSite<T>(ops: RestateOps<T>, node: SyntaxNode): Promise<Edge | undefined> {
  const { syntax } = ops;
  const start = node.getStart();
  const parent = node.parent;
  if (syntax.is(parent, "PropertyAssignment") && parent.name === node) return definitionEdge(ops, parent);
  // TypeScript puts an argument's error at the argument's start: climb to the whole argument.
  let argument = node;
  for (let up = argument.parent; up && up.getStart() === start; up = up.parent) {
    if (syntax.isArgumentOf(up, argument)) break;
    argument = up;
  }
  const call = argument.parent;
  return call && syntax.isArgumentOf(call, argument) ? argumentEdge(ops, call, argument) : undefined;
}

/** `.next` on a step that always ends (TS2339 on the name `next`): the receiver is terminal. */
export async function nextAfterTerminalAt<T>(
  ops: RestateOps<T>,
  node: SyntaxNode,
): Promise<{ receiver: SyntaxNode; name: string | undefined } | undefined> {
  const access = node.parent;
  if (!ops.syntax.is(node, "Identifier") || node.text !== "next" || !ops.syntax.is(access, "PropertyAccessExpression")) return undefined;
  const receiver = access.expression;
  if (access.name !== node || !receiver) return undefined;
  const type = await ops.typeAt(receiver);
  const terminal = type !== undefined && (await ops.properties(type)).some((p) => isOwnMarker(p, "terminalType"));
  return terminal ? { receiver, name: await lastStepName(ops, receiver) } : undefined;
}
