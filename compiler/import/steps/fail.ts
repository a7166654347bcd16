import type { FailNode } from "../../../src/ir/fail.js";
import { arrow, type Code, json, object } from "../base/code.js";
import { dynamicCode, scopeOf } from "../base/references.js";
import { jsonataCode, selectorCode } from "../base/template.js";
import { headMethods } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

/** `error`/`cause`: a literal, a JSONata expression, or a selector for ErrorPath/CausePath. */
function text(value: string | undefined, path: string | undefined, ctx: StepContext): Code | undefined {
  if (path !== undefined) {
    if (path.startsWith("$")) return selectorCode(path, ctx.imports);
    // ErrorPath/CausePath may be an intrinsic call (`States.Format(...)`).
    const scope = scopeOf(ctx.imports);
    const call = dynamicCode(path, scope);
    return call && arrow(scope.used.has("$") ? ["$"] : [], call);
  }
  if (value === undefined) return undefined;
  return (ctx.language === "JSONata" ? jsonataCode(value, ctx.imports) : undefined) ?? json(value);
}

export function failCode(node: FailNode, ctx: StepContext): Code {
  const entries: [string, Code][] = [];
  const error = text(node.error, node.errorPath, ctx);
  const cause = text(node.cause, node.causePath, ctx);
  if (error) entries.push(["error", error]);
  if (cause) entries.push(["cause", cause]);
  return headMethods(
    dslCall(
      ctx,
      "fail",
      [json(node.name), ...(entries.length > 0 ? [object(entries)] : [])],
      ctx.types.input !== undefined ? [ctx.types.input] : undefined,
    ),
    node,
  );
}
