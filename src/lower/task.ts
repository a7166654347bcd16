import type { TaskNode } from "../ir/task.js";
import type { IntegrationSpec } from "../integrations/integration.js";
import { rootRef } from "../data/proxy.js";
import type { StepDraft } from "../steps/draft.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
import { lowerCommon, lowerResult } from "./common.js";
import type { SelectorDraft } from "../steps/selector.js";
import { problemCodes } from "./problem.js";

/**
 * The request an integration sends: its fixed fields plus the user's payload, wrapped in the
 * integration's payload field (`Payload`, `MessageBody`, ...) when it has one. Without a payload,
 * a wrapping integration sends the whole state input.
 */
export function requestOf(spec: IntegrationSpec, payload: unknown): unknown {
  const fixed = spec.fixed ?? {};
  if (spec.wrap) return { ...fixed, [spec.wrap]: payload === undefined ? rootRef({ kind: "input" }) : payload };
  if (payload === undefined) return Object.keys(fixed).length > 0 ? fixed : undefined;
  if (Object.keys(fixed).length === 0) return payload;
  return { ...fixed, ...(payload as object) };
}

export function lowerTask(draft: StepDraft, ctx: LowerContext): TaskNode {
  const f = draft.fields;
  const spec = f.integration as IntegrationSpec;
  const language = ctx.languageOf(draft);
  const out = lowerCommon(draft, ctx);
  out.resource = spec.resource;
  if (f.parameters !== undefined) ctx.requireLanguage(draft, "Parameters", "JSONPath");
  if (f.arguments !== undefined) ctx.requireLanguage(draft, "Arguments", "JSONata");
  const request = requestOf(spec, f.parameters ?? f.arguments);
  if (request !== undefined) {
    const key = language === "JSONata" ? "arguments" : "parameters";
    const value = ctx.template(draft, key === "arguments" ? "Arguments" : "Parameters", request, language);
    if (language === "JSONPath" && value !== undefined && (typeof value !== "object" || value === null)) {
      ctx.report(draft, problemCodes.badTemplate, `Step "${draft.name}": Parameters must be an object; build one with named fields.`);
    } else if (value !== undefined) out[key] = value;
  }
  for (const [field, pathField] of [["timeoutSeconds", "timeoutSecondsPath"], ["heartbeatSeconds", "heartbeatSecondsPath"]] as const) {
    if (f[field] !== undefined) out[field] = numberOrExpression(f[field]);
    if (f[pathField] !== undefined) {
      if (language === "JSONata") out[field] = selectorJsonata(f[pathField] as SelectorDraft);
      else out[pathField] = selectorPath(f[pathField] as SelectorDraft);
    }
  }
  const credentials = f.credentials as { roleArn?: string; roleArnPath?: SelectorDraft } | undefined;
  if (credentials?.roleArn !== undefined) out.credentials = { roleArn: credentials.roleArn };
  if (credentials?.roleArnPath !== undefined) {
    out.credentials = language === "JSONata" ? { roleArn: selectorJsonata(credentials.roleArnPath) } : { roleArnPath: selectorPath(credentials.roleArnPath) };
  }
  lowerResult(draft, ctx, out);
  return out as unknown as TaskNode;
}
