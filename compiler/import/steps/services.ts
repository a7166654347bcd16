import { isJsonObject, type JsonValue } from "../../../src/ir/json.js";
import type { IntegrationSpec } from "../../../src/integrations/integration.js";
import type { IntegrationResource } from "../../../src/ir/resource.js";
import { dynamodbResultFields } from "../../../src/integrations/dynamodb.js";
import { descriptorOf } from "../../../src/integrations/registry.js";
import { batch, dynamodb, ecs, eventBridge, glue, sns, sqs, stepFunctions } from "../../../src/index.js";
import { type Code, json, method } from "../base/code.js";
import type { Shape } from "../base/shape.js";
import { builderCode } from "../base/template.js";
import { dslValue, type StepContext } from "./context.js";

type Request = Record<string, JsonValue>;

/** An integration written with its typed helper, and the request the user still builds (or the path of the input that is its payload). */
export interface ServiceCall {
  readonly code: Code;
  readonly request: JsonValue | undefined;
  readonly payloadPath?: string;
}

/**
 * A helper whose first argument fills one request field, and whose options fill others as they are,
 * the payload going under its field: `sns.publish(topicArn, { Subject })` sends `{ TopicArn,
 * Subject, Message }`; what is left is built with `.parameters`. Which fields those are is read from
 * the helper itself (its spec's `fixed` and `wrap`), so this table holds only how each is called.
 */
interface Helper {
  readonly object: "sns" | "sqs" | "eventBridge" | "stepFunctions" | "dynamodb" | "ecs" | "batch" | "glue";
  readonly method: string;
  /** Calls it with the first argument and the options, as the DSL's own function. */
  readonly make: (first: string, options: Request) => { readonly spec: IntegrationSpec };
  /** Whether it takes a first argument at all. */
  readonly first: boolean;
  /**
   * The request fields its options take: these, or (`"literal"`) every field written as a literal,
   * in one object (`ecs.runTask({ Cluster, TaskDefinition })`: the fields AWS requires among them).
   */
  readonly options: readonly string[] | "literal";
  /** Its method for each pattern besides request-response (`.waitForTaskToken()`, `.sync()`). */
  readonly patterns: Readonly<Record<string, string>>;
  /**
   * Its request is typed field by field, and needs building (DynamoDB's Key or Item): a request
   * with a key kept as ASL writes it (`"S.$"`) does not fit it.
   */
  readonly typedRequest?: boolean;
  /**
   * The fields its result type has (a step reading others keeps its Resource as written), and the
   * one whose type the call declares from what is read of it (`dynamodb.getItem<Item>(table)`).
   */
  readonly result?: {
    readonly fields: readonly string[];
    readonly declared: string;
    /** The option that counts on `declared` being there where AWS may leave it out (`{ assumeFound: true }`): written where the definition reads it. */
    readonly assumes?: string;
  };
}

const callback = { waitForTaskToken: "waitForTaskToken" };
const helpers: Readonly<Record<string, Helper>> = {
  "sns:publish": {
    object: "sns",
    method: "publish",
    make: (a, o) => sns.publish(a, o),
    first: true,
    options: ["Subject", "MessageGroupId", "MessageAttributes"],
    patterns: callback,
  },
  "sqs:sendMessage": {
    object: "sqs",
    method: "sendMessage",
    make: (a, o) => sqs.sendMessage(a, o),
    first: true,
    options: ["DelaySeconds", "MessageGroupId", "MessageDeduplicationId", "MessageAttributes"],
    patterns: callback,
  },
  "events:putEvents": {
    object: "eventBridge",
    method: "putEvents",
    make: () => eventBridge.putEvents(),
    first: false,
    options: [],
    patterns: callback,
  },
  // A child state machine's `.sync:2` is `.sync()`; `.sync`, its output as a string.
  "states:startExecution": {
    object: "stepFunctions",
    method: "startExecution",
    make: (a) => stepFunctions.startExecution(a),
    first: true,
    options: [],
    patterns: { ...callback, "sync:2": "sync", sync: "syncWithStringOutput" },
  },
  "dynamodb:getItem": dynamodbRow("getItem", (a) => dynamodb.getItem(a), dynamodbResultFields.getItem, "Item", "assumeFound"),
  "dynamodb:putItem": dynamodbRow("putItem", (a) => dynamodb.putItem(a), dynamodbResultFields.write, "Attributes"),
  "dynamodb:updateItem": dynamodbRow("updateItem", (a) => dynamodb.updateItem(a), dynamodbResultFields.write, "Attributes"),
  "dynamodb:deleteItem": dynamodbRow("deleteItem", (a) => dynamodb.deleteItem(a), dynamodbResultFields.write, "Attributes"),
  "ecs:runTask": {
    object: "ecs",
    method: "runTask",
    make: (_, o) => ecs.runTask(o as never),
    first: false,
    options: "literal",
    patterns: { ...callback, sync: "sync" },
  },
  "batch:submitJob": {
    object: "batch",
    method: "submitJob",
    make: (_, o) => batch.submitJob(o as never),
    first: false,
    options: "literal",
    patterns: { ...callback, sync: "sync" },
  },
  "glue:startJobRun": {
    object: "glue",
    method: "startJobRun",
    make: (a, o) => glue.startJobRun(a, o),
    first: true,
    options: "literal",
    patterns: { sync: "sync" },
  },
};

function dynamodbRow(
  action: string,
  make: (table: string) => { readonly spec: IntegrationSpec },
  fields: readonly string[],
  declared: string,
  assumes?: string,
): Helper {
  return {
    object: "dynamodb",
    method: action,
    make,
    first: true,
    options: [],
    patterns: {},
    typedRequest: true,
    result: { fields, declared, ...(assumes ? { assumes } : {}) },
  };
}

/** Whether what is read of the result lies in the fields its helper's result type has. */
function readsTyped(helper: Helper, read: Shape): boolean {
  const known = helper.result?.fields;
  return (
    known !== undefined &&
    read.element === undefined &&
    read.indexes.size === 0 &&
    [...read.fields.keys()].every((field) => known.includes(field))
  );
}

/** Whether a request value reads the state (a `.$` key, a JSONata expression) rather than being written as it is. */
function readsState(value: JsonValue): boolean {
  if (typeof value === "string") return value.startsWith("{%");
  if (Array.isArray(value)) return value.some(readsState);
  return isJsonObject(value) && Object.entries(value).some(([key, field]) => key.endsWith(".$") || readsState(field));
}

/** Whether the request's builder keeps a key as ASL writes it (`"S.$"`): the DSL does not write that value back the same otherwise. */
function keepsAslKeys(payload: JsonValue, ctx: StepContext): boolean {
  const built = (builderCode(payload, ctx.language, new Set()).value as () => unknown)();
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
    return Object.entries(value).some(([key, field]) => key.endsWith(".$") || visit(field));
  };
  return visit(built);
}

/**
 * The request's parts as the helper is called: its first argument's field and value, its options,
 * and the rest (to build). Undefined where the helper cannot be called with what the request holds.
 */
function splitRequest(helper: Helper, resource: IntegrationResource, request: Request) {
  // The field the first argument fills: a fixed field, or the resource's target (a child state machine, by ARN).
  const probe = helper.make("arn:\u0000first", {}).spec;
  const targetField = probe.resource.kind === "integration" ? probe.resource.targetField : undefined;
  const firstField = helper.first
    ? (Object.entries(probe.fixed ?? {}).find(([, v]) => v === "arn:\u0000first")?.[0] ?? targetField)
    : undefined;
  const first = firstField === undefined ? undefined : request[firstField];
  if (helper.first && (typeof first !== "string" || (firstField === targetField && !first.startsWith("arn:")))) return undefined;
  const taken = (k: string) =>
    k !== firstField && (helper.options === "literal" ? !k.endsWith(".$") && !readsState(request[k]!) : helper.options.includes(k));
  const options = Object.fromEntries(Object.entries(request).filter(([k]) => taken(k)));
  const rest = Object.fromEntries(Object.entries(request).filter(([k]) => k !== firstField && !(k in options)));
  // Options that are the whole request as written take the fields AWS requires, as the helper's type does.
  const required = helper.options === "literal" ? (descriptorOf(resource)?.required ?? []) : [];
  if (required.some((field) => (typeof field === "string" ? [field] : field).every((f) => f !== firstField && !(f in options))))
    return undefined;
  return { probe, first, options, rest };
}

/** The payload the user builds, under the helper's payload field if it has one: an object, a path of the input, or the whole input (undefined). */
function payloadOf(wrap: string | undefined, rest: Request): { payload: JsonValue | undefined; payloadPath?: string } | undefined {
  if (!wrap) return { payload: Object.keys(rest).length === 0 ? undefined : rest };
  const keys = Object.keys(rest);
  if (keys.length !== 1) return undefined;
  const [key] = keys as [string];
  const value = rest[key];
  // The payload as a path (`$.order`); an intrinsic call there keeps the Resource as written.
  if (key === `${wrap}.$` && typeof value === "string" && value.startsWith("$"))
    return value === "$" ? { payload: undefined } : { payload: undefined, payloadPath: value };
  return key === wrap && isJsonObject(value) ? { payload: value } : undefined;
}

/**
 * The typed helper for an optimized integration Stepwright knows (`sns.publish("arn:...")`,
 * `dynamodb.getItem("Orders")`), when the request's fixed fields are written as literals and hold
 * nothing the helper does not take. Undefined otherwise (the Resource is then written as it is).
 */
export function serviceCall(
  resource: IntegrationResource,
  request: JsonValue | undefined,
  filtered: boolean,
  ctx: StepContext,
): ServiceCall | undefined {
  const helper = resource.sdk ? undefined : helpers[`${resource.service}:${resource.action}`];
  const pattern = resource.pattern === "requestResponse" ? undefined : helper?.patterns[resource.pattern];
  if (!helper || !isJsonObject(request) || (resource.pattern !== "requestResponse" && !pattern)) return undefined;
  // The helper's request and result are typed as AWS documents them: a step that filters its input or
  // result with paths, or reads what its helper's result type does not have, keeps the Resource as
  // written (its types may say less than the definition reads). A callback's result is the callback's:
  // typed with what is read of it; so is a DynamoDB item's.
  const read = ctx.types.result;
  const readsResult = resource.pattern !== "waitForTaskToken" && read !== undefined && !read.empty;
  if (filtered || (readsResult && !readsTyped(helper, read))) return undefined;
  const parts = splitRequest(helper, resource, request);
  const built = parts && payloadOf(parts.probe.wrap, parts.rest);
  if (!parts || !built || (helper.typedRequest && (built.payload === undefined || keepsAslKeys(built.payload, ctx)))) return undefined;
  const declared = readsResult && helper.result ? read.find([helper.result.declared]) : undefined;
  // What the definition reads of a field AWS may leave out, it counts on: the module says so (and check warns, SW2020).
  const assumed =
    declared &&
    !declared.optional &&
    helper.result?.assumes !== undefined &&
    descriptorOf(resource)?.resultMayLack?.[helper.result.declared] !== undefined;
  const options = { ...parts.options, ...(assumed ? { [helper.result!.assumes!]: true } : {}) };
  const args = [...(helper.first ? [json(parts.first!)] : []), ...(Object.keys(options).length > 0 ? [json(options)] : [])];
  const typeArguments =
    declared && !declared.empty ? [ctx.types.named(helper.result!.declared === "Item" ? "item" : "attributes", declared)] : undefined;
  const call = method(dslValue(ctx, helper.object), helper.method, args, typeArguments);
  const callbackType = pattern === "waitForTaskToken" && read && !read.empty ? [ctx.types.named("result", read)] : undefined;
  const code = pattern ? method(call, pattern, [], callbackType) : call;
  return { code, request: built.payload, ...(built.payloadPath !== undefined ? { payloadPath: built.payloadPath } : {}) };
}
