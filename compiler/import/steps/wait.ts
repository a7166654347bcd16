import type { WaitNode } from "../../../src/ir/wait.js";
import { type Code, json, object } from "../base/code.js";
import { jsonataCode } from "../base/template.js";
import { headMethods, outputAndAssign, pathMethod } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

/** How long: `{ seconds }`, `{ timestamp }`, or where the input holds it (`{ secondsPath: "$.delay" }`). */
function waitFor(node: WaitNode, ctx: StepContext): Code {
  if (typeof node.seconds === "number") return object([["seconds", json(node.seconds)]]);
  const expression = jsonataCode(node.seconds ?? node.timestamp, ctx.imports);
  if (expression) return object([[node.seconds !== undefined ? "seconds" : "timestamp", expression]]);
  if (node.timestamp !== undefined) return object([["timestamp", json(node.timestamp)]]);
  if (node.secondsPath !== undefined) return object([["secondsPath", json(node.secondsPath)]]);
  if (node.timestampPath !== undefined) return object([["timestampPath", json(node.timestampPath)]]);
  // Seconds the DSL does not take (a `${Placeholder}` substitution): a stand-in the importer's check replaces with `.asl`.
  return object([["seconds", json(0)]]);
}

export function waitCode(node: WaitNode, ctx: StepContext): Code {
  let step = headMethods(
    dslCall(ctx, "wait", [json(node.name), waitFor(node, ctx)], ctx.types.input !== undefined ? [ctx.types.input] : undefined),
    node,
  );
  step = pathMethod(step, node, "inputPath", false);
  step = pathMethod(step, node, "outputPath", false);
  return outputAndAssign(step, node, ctx);
}
