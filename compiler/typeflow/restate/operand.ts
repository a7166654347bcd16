import { diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { operatorsFor, typeWords } from "./operators.js";
import { readWords, refTarget, stepAround, stepWords, valueWords, writtenRead } from "./refs.js";
import type { Restater } from "./restater.js";

/** TS2345 on the operand of a comparison: `$.amount.gt("1000")` compares a number field with a string. */
export const operand: Restater = async ({ ops, node, error, at }) => {
  if (error.code !== 2345) return undefined;
  const { syntax } = ops;
  let argument = node;
  while (argument.parent && !syntax.isArgumentOf(argument.parent, argument)) argument = argument.parent;
  const call = argument.parent;
  const callee = call?.expression;
  const receiver = callee?.expression;
  if (!call || !syntax.is(callee, "PropertyAccessExpression") || !receiver) return undefined;
  const receiverType = await ops.typeAt(receiver);
  const target = receiverType !== undefined ? await refTarget(ops, receiverType) : undefined;
  const read = writtenRead(ops, receiver);
  const operators = target !== undefined ? await operatorsFor(ops, target, callee) : undefined;
  if (target === undefined || !read || !operators) return undefined;
  const givenWords = await valueWords(ops, argument);
  const step = await stepAround(ops, call);
  return diagnostic(
    flowCodes.wrongFieldType,
    `${stepWords(step)} compares ${readWords(read)} (${await typeWords(ops, target, callee)}) with ${givenWords}: .${syntax.methodName(callee)}(...) on ${operators.kind} takes ${operators.operand}.`,
    at,
    step !== undefined ? [step] : undefined,
  );
};
