import { type CallExpression, Node, type ts } from "ts-morph";
import { dslFunction, firstStepName, isMarker, lastStepName, quoted } from "./base/names.js";

/**
 * One edge of a workflow's graph as written in code: the argument that is the consumer (the step
 * that receives data) and a description of the producer (what hands it the data).
 */
export interface Edge {
  /** The expression of the consuming step or chain. */
  readonly consumer: Node;
  readonly consumerName: string | undefined;
  readonly producerName: string | undefined;
  /** The producer in a message's words: `"ValidateOrder"`, `Choice "Route"`, `the input of workflow "x"`. */
  readonly producer: string;
  /** A sentence appended to the message when the edge has a rule of its own (catchers). */
  readonly hint?: string;
}

function argumentEdge(call: CallExpression, argument: Node): Edge | undefined {
  const callee = call.getExpression();
  const consumerName = firstStepName(argument);
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const receiver = callee.getExpression();
  switch (callee.getName()) {
    case "next": {
      const producerName = lastStepName(receiver);
      return { consumer: argument, consumerName, producerName, producer: quoted(producerName, receiver) };
    }
    case "when":
    case "otherwise": {
      const producerName = firstStepName(receiver);
      return { consumer: argument, consumerName, producerName, producer: `Choice ${quoted(producerName, receiver)}` };
    }
    case "catch": {
      const producerName = firstStepName(receiver);
      const options = call.getArguments()[2];
      const resultPath = Node.isObjectLiteralExpression(options) ? options.getProperty("resultPath") : undefined;
      return {
        consumer: argument,
        consumerName,
        producerName,
        producer: `the catcher on ${quoted(producerName, receiver)}`,
        ...(resultPath
          ? {}
          : { hint: "A catcher without resultPath passes only { Error, Cause }; set resultPath to keep the step's input." }),
      };
    }
    case "process": {
      const producerName = firstStepName(receiver);
      return { consumer: argument, consumerName, producerName, producer: `each item of Map ${quoted(producerName, receiver)}` };
    }
    default:
      return undefined;
  }
}

/** `workflow("name", { input, definition })`: the definition's first step takes the workflow input. */
function definitionEdge(property: Node): Edge | undefined {
  if (!Node.isPropertyAssignment(property) || property.getName() !== "definition") return undefined;
  const call = property.getParent()?.getParent();
  if (!Node.isCallExpression(call) || dslFunction(call.getExpression()) !== "workflow") return undefined;
  const consumer = property.getInitializer();
  if (!consumer) return undefined;
  const [nameArgument] = call.getArguments();
  const name = Node.isStringLiteral(nameArgument) ? nameArgument.getLiteralValue() : undefined;
  return {
    consumer,
    consumerName: firstStepName(consumer),
    producerName: undefined,
    producer: `the input of workflow ${quoted(name, call)}`,
  };
}

/** The edge a TypeScript diagnostic at `node` is about, if it is about one. */
export function edgeAt(node: Node): Edge | undefined {
  const start = node.getStart();
  const parent = node.getParent();
  if (parent && Node.isPropertyAssignment(parent) && parent.getNameNode() === node) return definitionEdge(parent);
  // TypeScript puts an argument's error at the argument's start: climb to the whole argument.
  let argument: Node = node;
  for (let up = argument.getParent(); up && up.getStart() === start; up = up.getParent()) {
    if (Node.isCallExpression(up) && up.getArguments().includes(argument)) break;
    argument = up;
  }
  const call = argument.getParent();
  if (!call || !Node.isCallExpression(call) || !call.getArguments().includes(argument)) return undefined;
  return argumentEdge(call, argument);
}

/** `.next` on a step that always ends (TS2339 on the name `next`): the receiver is terminal. */
export function nextAfterTerminalAt(node: Node, checker: ts.TypeChecker): { receiver: Node; name: string | undefined } | undefined {
  const access = node.getParent();
  if (
    !Node.isIdentifier(node) ||
    node.getText() !== "next" ||
    !access ||
    !Node.isPropertyAccessExpression(access) ||
    access.getNameNode() !== node
  )
    return undefined;
  const receiver = access.getExpression();
  const type = checker.getTypeAtLocation(receiver.compilerNode);
  const terminal = type.getProperties().some((p) => isMarker(p, "terminalType"));
  return terminal ? { receiver, name: lastStepName(receiver) } : undefined;
}
