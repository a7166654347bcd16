import type { AllLowered, Unlowered } from "./common.js";
import { rootRef } from "../data/proxy.js";
import type { IntegrationSpec } from "../integrations/integration.js";
import type { CredentialsNode, TaskNode } from "../ir/task.js";
import type { DraftOf, TaskDraftFields } from "../steps/draft.js";
import { lowerCommon, lowerResult } from "./common.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
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

/** The request, under the field of the state's language (Parameters or Arguments). */
function lowerRequest(draft: DraftOf<"Task">, ctx: LowerContext): Pick<TaskNode, "parameters" | "arguments"> {
  const f = draft.fields;
  const language = ctx.languageOf(draft);
  if (f.parameters !== undefined) ctx.requireLanguage(draft, "Parameters", "JSONPath");
  if (f.arguments !== undefined) ctx.requireLanguage(draft, "Arguments", "JSONata");
  const request = requestOf(f.integration, f.parameters ?? f.arguments);
  if (request === undefined) return {};
  const field = language === "JSONata" ? "Arguments" : "Parameters";
  const value = ctx.template(draft, field, request, language);
  if (value === undefined) return {};
  if (language === "JSONPath" && (typeof value !== "object" || value === null)) {
    ctx.report(draft, problemCodes.badTemplate, `Step "${draft.name}": Parameters must be an object; build one with named fields.`);
    return {};
  }
  return language === "JSONata" ? { arguments: value } : { parameters: value };
}

/** TimeoutSeconds and HeartbeatSeconds: a number or expression, or where the input holds it. */
function lowerDuration(f: TaskDraftFields, field: "timeoutSeconds" | "heartbeatSeconds", jsonata: boolean): Partial<TaskNode> {
  const path = f[`${field}Path`];
  return {
    ...(f[field] !== undefined ? { [field]: numberOrExpression(f[field]) } : {}),
    ...(path === undefined ? {} : jsonata ? { [field]: selectorJsonata(path) } : { [`${field}Path`]: selectorPath(path) }),
  };
}

function lowerCredentials(f: TaskDraftFields, jsonata: boolean): CredentialsNode | undefined {
  const { credentials } = f;
  if (credentials?.roleArnPath !== undefined)
    return jsonata ? { roleArn: selectorJsonata(credentials.roleArnPath) } : { roleArnPath: selectorPath(credentials.roleArnPath) };
  return credentials?.roleArn !== undefined ? { roleArn: credentials.roleArn } : undefined;
}

export function lowerTask(draft: DraftOf<"Task">, ctx: LowerContext): TaskNode {
  const f = draft.fields;
  const jsonata = ctx.languageOf(draft) === "JSONata";
  const credentials = lowerCredentials(f, jsonata);
  return {
    ...lowerCommon(draft, ctx),
    resource: f.integration.resource,
    ...lowerRequest(draft, ctx),
    ...lowerDuration(f, "timeoutSeconds", jsonata),
    ...lowerDuration(f, "heartbeatSeconds", jsonata),
    ...(credentials ? { credentials } : {}),
    ...lowerResult(draft, f, ctx),
    ...(f.integration.assumed ? { assumed: f.integration.assumed } : {}),
    ...(f.integration.wrap ? { payloadField: f.integration.wrap } : {}),
  };
}

/** The Task draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type TaskRead =
  | "integration"
  | "parameters"
  | "arguments"
  | "timeoutSeconds"
  | "timeoutSecondsPath"
  | "heartbeatSeconds"
  | "heartbeatSecondsPath"
  | "credentials";
/** Every field of a Task draft is lowered: a new one fails here until its lowering reads it. */
export type TaskLowered = AllLowered<Unlowered<TaskDraftFields, TaskRead>>;
