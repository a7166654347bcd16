import { diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { operatorsFor, typeWords } from "./operators.js";
import { readWords, refTarget, stepAround, stepWords, writtenRead } from "./refs.js";
import type { Restater } from "./restater.js";

/**
 * TS2339 / TS2551 on a reference: a read of a field its type does not have (with the closest name
 * it has), or an operator the field's type does not offer (`.matches` on a number).
 */
export const fieldRead: Restater = async ({ ops, node, error, at }) => {
  if (error.code !== 2339 && error.code !== 2551) return undefined;
  const access = node.parent;
  const receiver = access?.expression;
  if (!ops.syntax.is(access, "PropertyAccessExpression") || access.name !== node || !receiver) return undefined;
  const receiverType = await ops.typeAt(receiver);
  const target = receiverType !== undefined ? await refTarget(ops, receiverType) : undefined;
  const parent = writtenRead(ops, receiver);
  if (target === undefined || !parent) return undefined;
  const name = node.text ?? "";
  const step = await stepAround(ops, access);
  const called = access.parent;
  const operators = await operatorsFor(ops, target, access);
  if (ops.syntax.is(called, "CallExpression") && called.expression === access && operators) {
    const { kind, methods } = operators;
    return diagnostic(
      flowCodes.wrongFieldType,
      `${stepWords(step)} calls .${name}(...) on ${readWords(parent)}, which is ${kind}: ${kind} has ${methods}.`,
      at,
      step !== undefined ? [step] : undefined,
    );
  }
  const fields = (await ops.properties(target, true)).map((p) => p.name);
  const suggestion = closest(name, fields);
  const text = `${stepWords(step)} reads ${readWords({ ...parent, segments: [...parent.segments, name] })}, but ${readWords(parent)} (${await typeWords(ops, target, access)}) has no field "${name}".`;
  return diagnostic(
    flowCodes.missingField,
    suggestion ? `${text} Did you mean "${suggestion}"?` : text,
    at,
    step !== undefined ? [step] : undefined,
  );
};

/** The field whose name is nearest `name` (edit distance at most a third of its length, at least 2), as TypeScript suggests. */
export function closest(name: string, fields: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { field: string; distance: number } | undefined;
  for (const field of fields) {
    const distance = editDistance(name.toLowerCase(), field.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
