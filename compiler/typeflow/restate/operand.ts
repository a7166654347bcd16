import { Node } from "ts-morph";
import { diagnostic } from "../../base/diagnostic.js";
import { flowCodes } from "../base/codes.js";
import { operatorsFor, typeWords } from "./operators.js";
import { readWords, refTarget, stepAround, stepWords, valueWords, writtenRead } from "./refs.js";
import type { Restater } from "./restater.js";

/** TS2345 on the operand of a comparison: `$.amount.gt("1000")` compares a number field with a string. */
export const operand: Restater = ({ checker, node, error, at }) => {
  if (error.code !== 2345) return undefined;
  const argument =
    node.getParentWhile((parent, child) => !Node.isCallExpression(parent) || !parent.getArguments().includes(child as never)) ?? node;
  const call = argument.getParent();
  if (!call || !Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const target = refTarget(checker, checker.getTypeAtLocation(callee.getExpression().compilerNode), callee.compilerNode);
  const read = writtenRead(callee.getExpression());
  const operators = target && operatorsFor(checker, target, callee.compilerNode);
  if (!target || !read || !operators) return undefined;
  const givenWords = valueWords(checker, argument);
  const step = stepAround(call);
  return diagnostic(
    flowCodes.wrongFieldType,
    `${stepWords(step)} compares ${readWords(read)} (${typeWords(checker, target, callee.compilerNode)}) with ${givenWords}: .${callee.getName()}(...) on ${operators.kind} takes ${operators.operand}.`,
    at,
    step !== undefined ? [step] : undefined,
  );
};
