import { isJsonObject, type JsonValue } from "../../../src/ir/json.js";
import type { IntegrationSpec } from "../../../src/integrations/integration.js";
import type { IntegrationResource } from "../../../src/ir/resource.js";
import { eventBridge, sns, sqs, stepFunctions } from "../../../src/index.js";
import { type Code, json, method } from "../code.js";
import { dslValue, type StepContext } from "./context.js";

type Request = Record<string, JsonValue>;

/** An integration written with its typed helper, and the request the user still builds (or the path of the input that is its payload). */
export interface ServiceCall {
  readonly code: Code;
  readonly request: JsonValue | undefined;
  readonly payloadPath?: string;
}

/**
 * A helper whose first argument fills one request field, and whose options (if any) fill others as
 * they are, the payload going under its field: `sns.publish(topicArn, { Subject })` sends
 * `{ TopicArn, Subject, Message }`. Which fields those are is read from the helper itself (its
 * spec's `fixed` and `wrap`), so this table holds only how each is called.
 */
interface Helper {
  readonly object: "sns" | "sqs" | "eventBridge" | "stepFunctions";
  readonly method: string;
  /** Calls it with the first argument and the options, as the DSL's own function. */
  readonly make: (first: string, options: Request) => { readonly spec: IntegrationSpec };
  /** The options it takes besides the first argument. */
  readonly options: readonly string[];
  /** Whether it takes a first argument at all. */
  readonly first: boolean;
}

// Not DynamoDB's: its typed requests and results (AttributeMap) are narrower than what definitions read
// of them (`$.SdkHttpMetadata`, `.N` of a field whose kind is a union): `resource(arn)` writes those.
const helpers: Readonly<Record<string, Helper>> = {
  "sns:publish": { object: "sns", method: "publish", make: (a, o) => sns.publish(a, o), options: ["Subject", "MessageGroupId", "MessageAttributes"], first: true },
  "sqs:sendMessage": { object: "sqs", method: "sendMessage", make: (a, o) => sqs.sendMessage(a, o), options: ["DelaySeconds", "MessageGroupId", "MessageDeduplicationId", "MessageAttributes"], first: true },
  "events:putEvents": { object: "eventBridge", method: "putEvents", make: () => eventBridge.putEvents(), options: [], first: false },
  "states:startExecution": { object: "stepFunctions", method: "startExecution", make: (a) => stepFunctions.startExecution(a), options: [], first: true },
};

/** The helper's method for each pattern (a child state machine's `.sync:2` is `.sync()`). */
const patternMethods: Readonly<Record<string, string | undefined>> = { waitForTaskToken: "waitForTaskToken", "sync:2": "sync", sync: "syncWithStringOutput" };


/**
 * The typed helper for an optimized integration Stepwright knows (`sns.publish("arn:...")`,
 * `dynamodb.getItem("Orders")`), when the request's fixed fields are written as literals and hold
 * nothing the helper does not take. Undefined otherwise (the Resource is then written as it is).
 */
export function serviceCall(resource: IntegrationResource, request: JsonValue | undefined, filtered: boolean, ctx: StepContext): ServiceCall | undefined {
  const helper = resource.sdk ? undefined : helpers[`${resource.service}:${resource.action}`];
  const pattern = resource.pattern === "requestResponse" ? undefined : patternMethods[resource.pattern];
  if (!helper || !isJsonObject(request) || (resource.pattern !== "requestResponse" && (!pattern || (pattern.startsWith("sync") && helper.object !== "stepFunctions")))) return undefined;
  // The helper's request and result are typed as AWS documents them: a step that filters its input or
  // result with paths, or whose result is read, keeps the Resource as written (its types may say less than
  // the definition reads). A callback's result is the callback's: typed with what is read of it.
  const read = ctx.types.result;
  if (filtered || (resource.pattern !== "waitForTaskToken" && read && !read.empty)) return undefined;
  // The field the first argument fills: a fixed field, or the resource's target (a child state machine, by ARN).
  const probe = helper.make("arn:\u0000first", {}).spec;
  const targetField = probe.resource.kind === "integration" ? probe.resource.targetField : undefined;
  const firstField = Object.entries(probe.fixed ?? {}).find(([, v]) => v === "arn:\u0000first")?.[0] ?? targetField;
  const first = firstField === undefined ? undefined : request[firstField];
  if (helper.first && (typeof first !== "string" || (firstField === targetField && !first.startsWith("arn:")))) return undefined;
  const options = Object.fromEntries(helper.options.filter((k) => k in request).map((k) => [k, request[k]!]));
  const rest = Object.fromEntries(Object.entries(request).filter(([k]) => k !== firstField && !(k in options)));
  let payload: JsonValue | undefined = rest;
  let payloadPath: string | undefined;
  if (probe.wrap) {
    // The payload under its field: the whole input (the default), a path, or an object built.
    const keys = Object.keys(rest);
    if (keys.length !== 1) return undefined;
    const [key] = keys as [string];
    const value = rest[key];
    // The payload as a path (`$.order`); an intrinsic call there keeps the Resource as written.
    if (key === `${probe.wrap}.$` && typeof value === "string" && value.startsWith("$")) {
      payload = undefined;
      if (value !== "$") payloadPath = value;
    }
    else if (key === probe.wrap && isJsonObject(rest[key])) payload = rest[key];
    else return undefined;
  } else if (Object.keys(rest).length === 0) payload = undefined;
  const args = [...(helper.first ? [json(request[firstField!])] : []), ...(Object.keys(options).length > 0 ? [json(options)] : [])];
  const call = method(dslValue(ctx, helper.object), helper.method, args);
  const callback = read && !read.empty ? [ctx.types.named("result", read)] : undefined;
  const code = pattern ? method(call, pattern, [], pattern === "waitForTaskToken" ? callback : undefined) : call;
  return { code, request: payload, ...(payloadPath !== undefined ? { payloadPath } : {}) };
}
