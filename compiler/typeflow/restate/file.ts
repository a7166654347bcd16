import type { SourceSpan } from "../../../src/ir/source.js";
import type { Code } from "../../base/catalogue.js";
import { type Diagnostic, diagnostic } from "../../base/diagnostic.js";
import { fieldPath } from "../base/field-path.js";
import { flowCodes } from "../base/codes.js";
import { type Edge, edgeAt, nextAfterTerminalAt } from "./edge.js";
import { inputOf } from "./marked-input.js";
import { findMismatch, type Mismatch } from "./mismatch.js";
import { dslFunction, firstStepName, quoted } from "./names.js";
import type { RestateOps } from "./ops.js";
import { restate } from "./index.js";
import { readable } from "./readable.js";
import type { TypeScriptError } from "./restater.js";
import { lineAndColumn, lineStarts } from "../base/lines.js";
import { nodeAt, type SyntaxNode } from "./syntax.js";

/**
 * What a consumer needs (its own input type) and what the producer hands it, read from the type the
 * API expects at the consumer's position (`Chainable<Out, ...>` for `.next`, `{ Error, Cause }` for
 * a catcher, ...); intersections such as `N & CheckItem<Item>` repeat the consumer's own type:
 * skipped. Both asked at once: each answer is a round trip to the checker.
 */
async function neededAndGiven<T>(ops: RestateOps<T>, consumer: SyntaxNode): Promise<{ needed: T; given: T } | undefined> {
  const inputsOf = async (expected: T | undefined) =>
    expected === undefined ? [] : Promise.all((await ops.members(expected)).map((member) => inputOf(ops, member)));
  const [needed, inputs] = await Promise.all([
    ops.typeAt(consumer).then((type) => (type === undefined ? undefined : inputOf(ops, type))),
    ops.contextualType(consumer).then(inputsOf),
  ]);
  const given = needed === undefined ? undefined : inputs.find((input) => input !== undefined && !ops.same(input, needed));
  return needed !== undefined && given !== undefined ? { needed, given } : undefined;
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

/** The first branch of a `parallel(...)` (as written, through the methods chained on it) whose input does not accept `given`. */
async function branchInNeed<T>(
  ops: RestateOps<T>,
  consumer: SyntaxNode,
  given: T,
): Promise<{ node: SyntaxNode; name: string | undefined; mismatch: Mismatch } | undefined> {
  const { syntax } = ops;
  let call = consumer;
  while (syntax.is(call, "CallExpression") && syntax.is(call.expression, "PropertyAccessExpression") && call.expression.expression)
    call = call.expression.expression;
  if (!syntax.is(call, "CallExpression") || !call.expression || (await dslFunction(ops, call.expression)) !== "parallel") return undefined;
  const branches = call.arguments?.[1];
  if (!syntax.is(branches, "ArrayLiteralExpression")) return undefined;
  for (const element of branches.elements ?? []) {
    const type = await ops.typeAt(element);
    const needed = type !== undefined ? await inputOf(ops, type) : undefined;
    const mismatch = needed !== undefined ? await findMismatch(ops, given, needed, element) : undefined;
    if (mismatch) return { node: element, name: await firstStepName(ops, element), mismatch };
  }
  return undefined;
}

/** Restates type errors about one file, with its syntax tree and the questions its checker answers. */
export function fileRestater<T>(ops: RestateOps<T>, source: SyntaxNode) {
  const starts = lineStarts(ops.file.text);
  const at = (position: number): SourceSpan => ({ file: ops.file.path, ...lineAndColumn(starts, position) });

  /** A TypeScript diagnostic passed through as it is, under its TS code. */
  const passThrough = (error: TypeScriptError): Diagnostic => ({
    code: `TS${error.code}`,
    severity: error.severity,
    message: readable(error.message),
    ...at(error.start ?? 0),
  });

  /** Where an edge's producer does not give what its consumer needs: the whole consumer, or the first branch of a Parallel in need. */
  const edgeMismatch = async (consumer: SyntaxNode) => {
    const types = await neededAndGiven(ops, consumer);
    if (!types) return undefined;
    // A Parallel needs what its branches need: the branch that needs it is the one to name.
    const [branch, whole] = await Promise.all([
      branchInNeed(ops, consumer, types.given),
      findMismatch(ops, types.given, types.needed, consumer),
    ]);
    const mismatch = branch?.mismatch ?? whole;
    return mismatch && { mismatch, branch };
  };

  const restateEdge = async (edge: Edge): Promise<Diagnostic | undefined> => {
    // The steps' names beside the types: neither waits for the other's round trips.
    const [names, found] = await Promise.all([edge.names, edgeMismatch(edge.consumer)]);
    if (!found) return undefined;
    const { mismatch, branch } = found;
    const name = branch ? branch.name : names.consumerName;
    const consumer = name !== undefined ? JSON.stringify(name) : "the next step";
    const parallel = `Parallel ${quoted(names.consumerName, edge.consumer)}`;
    const { code, text } = sentence(mismatch, branch ? `${consumer} (in a branch of ${parallel})` : consumer, names.producer);
    const steps = [names.producerName, name].filter((s): s is string => s !== undefined);
    const said = diagnostic(code, names.hint ? `${text} ${names.hint}` : text, at((branch?.node ?? edge.consumer).getStart()), steps);
    if (!branch) return said;
    const related = { ...at(edge.consumer.getStart()), message: `${parallel} receives its input here, from ${names.producer}.` };
    return { ...said, related: [related] };
  };

  /** One error in the words of steps and fields where it is about the DSL, else passed through. */
  return async (error: TypeScriptError): Promise<Diagnostic> => {
    const node = error.start === undefined ? undefined : nodeAt(source, error.start);
    if (!node) return passThrough(error);
    const [terminal, edge] = await Promise.all([error.code === 2339 ? nextAfterTerminalAt(ops, node) : undefined, edgeAt(ops, node)]);
    if (terminal) {
      const name = terminal.name !== undefined ? JSON.stringify(terminal.name) : "This step";
      return diagnostic(
        flowCodes.nextAfterTerminal,
        `${name} always ends in Succeed or Fail, so nothing can follow it: remove this .next(...) or put the step before ${name}.`,
        at(node.getStart()),
        terminal.name !== undefined ? [terminal.name] : undefined,
      );
    }
    const restated = edge ? await restateEdge(edge) : await restate({ ops, node, error, at: at(node.getStart()) });
    return restated ?? passThrough(error);
  };
}

/**
 * A checker's errors about a workflow file: those on the edges between steps are restated in the
 * words of steps and fields (SW1xxx); any other TypeScript error is passed through with its code.
 */
export async function restateErrors<T>(ops: RestateOps<T>, source: SyntaxNode, errors: readonly TypeScriptError[]): Promise<Diagnostic[]> {
  const one = fileRestater(ops, source);
  // Each error's questions at once (answers come back in any order; the diagnostics keep the errors').
  return Promise.all(errors.map(one));
}

/** Whether a file's diagnostics say TypeScript cannot parse it: its syntax errors are TS1xxx (the file is then not evaluated). */
export function unparsable(found: readonly Diagnostic[]): boolean {
  return found.some((d) => /^TS1\d{3}$/.test(d.code));
}
