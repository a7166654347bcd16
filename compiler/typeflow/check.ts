import { Node, type PropertyAccessExpression, type SourceFile, ts } from "ts-morph";
import type { Code } from "../base/catalogue.js";
import { type Diagnostic, diagnostic } from "../base/diagnostic.js";
import { flowCodes } from "./base/codes.js";
import { type Edge, edgeAt, nextAfterTerminalAt } from "./edge.js";
import { dslFunction, firstStepName, quoted } from "./base/names.js";
import { fieldPath, findMismatch, type Mismatch } from "./mismatch.js";
import { inputOf, members } from "./base/marked-input.js";
import { restate } from "./restate/index.js";
import { readable } from "./restate/readable.js";

/**
 * What the producer hands over, read from the type the API expects at the consumer's position
 * (`Chainable<Out, ...>` for `.next`, `{ Error, Cause }` for a catcher, ...). Intersections such as
 * `N & CheckItem<Item>` repeat the consumer's own type: skip it.
 */
function producedFor(checker: ts.TypeChecker, consumer: ts.Expression, needed: ts.Type): ts.Type | undefined {
  const expected = checker.getContextualType(consumer);
  if (!expected) return undefined;
  for (const member of members(expected)) {
    const given = inputOf(checker, member, consumer);
    if (given && given !== needed) return given;
  }
  return undefined;
}

function sentence(mismatch: Mismatch, consumer: string, producer: string): { code: Code; text: string } {
  const field = fieldPath(mismatch.path);
  switch (mismatch.kind) {
    case "missing":
      return {
        code: flowCodes.missingField,
        text: `${consumer} needs ${field} (${mismatch.needed}), but ${producer} does not provide it.`,
      };
    case "optional":
      return {
        code: flowCodes.optionalField,
        text: `${consumer} needs ${field} (${mismatch.needed}), but ${producer} may leave it out (it is optional there).`,
      };
    case "type":
      return mismatch.path.length === 0
        ? {
            code: flowCodes.inputMismatch,
            text: `${consumer} needs input of type ${mismatch.needed}, but ${producer} gives ${mismatch.given}.`,
          }
        : {
            code: flowCodes.wrongFieldType,
            text: `${consumer} needs ${field} as ${mismatch.needed}, but ${producer} gives ${mismatch.given}.`,
          };
  }
}

function at(node: Node) {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart());
  return { file: node.getSourceFile().getFilePath(), line, column };
}

function restateEdge(checker: ts.TypeChecker, edge: Edge): Diagnostic | undefined {
  const consumerNode = edge.consumer.compilerNode as ts.Expression;
  const needed = inputOf(checker, checker.getTypeAtLocation(consumerNode), consumerNode);
  if (!needed) return undefined;
  const given = producedFor(checker, consumerNode, needed);
  if (!given) return undefined;
  // A Parallel needs what its branches need: the branch that needs it is the one to name.
  const branch = branchInNeed(checker, edge.consumer, given);
  const mismatch = branch?.mismatch ?? findMismatch(checker, given, needed, consumerNode);
  if (!mismatch) return undefined;
  const name = branch ? branch.name : edge.consumerName;
  const consumer = name !== undefined ? JSON.stringify(name) : "the next step";
  const { code, text } = sentence(
    mismatch,
    branch ? `${consumer} (in a branch of Parallel ${quoted(edge.consumerName, edge.consumer)})` : consumer,
    edge.producer,
  );
  const steps = [edge.producerName, name].filter((s): s is string => s !== undefined);
  const found = diagnostic(code, edge.hint ? `${text} ${edge.hint}` : text, at(branch?.node ?? edge.consumer), steps);
  return branch
    ? {
        ...found,
        related: [
          {
            ...at(edge.consumer),
            message: `Parallel ${quoted(edge.consumerName, edge.consumer)} receives its input here, from ${edge.producer}.`,
          },
        ],
      }
    : found;
}

/** The first branch of a `parallel(...)` (as written, through the methods chained on it) whose input does not accept `given`. */
function branchInNeed(
  checker: ts.TypeChecker,
  consumer: Node,
  given: ts.Type,
): { node: Node; name: string | undefined; mismatch: Mismatch } | undefined {
  let call: Node = consumer;
  while (Node.isCallExpression(call) && Node.isPropertyAccessExpression(call.getExpression()))
    call = (call.getExpression() as PropertyAccessExpression).getExpression();
  if (!Node.isCallExpression(call) || dslFunction(call.getExpression()) !== "parallel") return undefined;
  const branches = call.getArguments()[1];
  if (!branches || !Node.isArrayLiteralExpression(branches)) return undefined;
  for (const element of branches.getElements()) {
    const node = element.compilerNode as ts.Expression;
    const needed = inputOf(checker, checker.getTypeAtLocation(node), node);
    const mismatch = needed && findMismatch(checker, given, needed, node);
    if (mismatch) return { node: element, name: firstStepName(element), mismatch };
  }
  return undefined;
}

/** A TypeScript diagnostic passed through as it is, under its TS code. */
function passThrough(file: SourceFile, d: ts.Diagnostic): Diagnostic {
  const message = readable(ts.flattenDiagnosticMessageText(d.messageText, "\n  "));
  const { line, column } = file.getLineAndColumnAtPos(d.start ?? 0);
  return {
    code: `TS${d.code}`,
    severity: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
    message,
    file: file.getFilePath(),
    line,
    column,
  };
}

/**
 * Type-checks workflow files. TypeScript errors on the edges between steps are restated in the
 * words of steps and fields (SW1xxx); any other TypeScript error is passed through with its code.
 */
export function checkTypeFlow(file: SourceFile): Diagnostic[] {
  const program = file.getProject().getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const found = [...program.getSyntacticDiagnostics(file.compilerNode), ...program.getSemanticDiagnostics(file.compilerNode)];
  return found
    .filter((d) => d.category === ts.DiagnosticCategory.Error || d.category === ts.DiagnosticCategory.Warning)
    .map((d) => {
      const node = d.start === undefined ? undefined : file.getDescendantAtPos(d.start);
      if (!node) return passThrough(file, d);
      const terminal = d.code === 2339 ? nextAfterTerminalAt(node, checker) : undefined;
      if (terminal) {
        const name = terminal.name !== undefined ? JSON.stringify(terminal.name) : "This step";
        return diagnostic(
          flowCodes.nextAfterTerminal,
          `${name} always ends in Succeed or Fail, so nothing can follow it: remove this .next(...) or put the step before ${name}.`,
          at(node),
          terminal.name !== undefined ? [terminal.name] : undefined,
        );
      }
      const edge = edgeAt(node);
      const restated = edge ? restateEdge(checker, edge) : restate({ checker, node, error: d, at: at(node) });
      return restated ?? passThrough(file, d);
    });
}
