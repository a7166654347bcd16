import type { JsonObject, JsonValue } from "../ir/json.js";
import type { IntegrationPattern, IntegrationResource } from "../ir/resource.js";

/** One permission the state machine's role needs. `why` says why a resource is `"*"`. */
export interface IamStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly why?: string;
  /** An IAM condition block, e.g. `{ StringEquals: { "kms:EncryptionContext:...": "..." } }`. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** What an integration's permissions are built from: where ARNs live and what the Task says. */
export interface IamContext {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly pattern: IntegrationPattern;
  /** The ARN (or a Terraform reference token) of the resource the builder knows the task acts on. */
  readonly target?: string;
  /** Where the builder's target is a name with a qualifier (`orders:live`): the target without it, and the qualifier. */
  readonly qualified?: { readonly unqualified: string; readonly qualifier: string };
  /** The request (Parameters or Arguments) as the workflow writes it. */
  readonly request: JsonValue | undefined;
  /** The ARN of the state machine whose role this is (permissions AWS scopes to the caller itself: the HTTP Task's). */
  readonly ownArn?: string;
}

/**
 * Everything Stepwright knows about one optimized integration, in one place: its ARN parts, the
 * patterns AWS supports for it, the request fields AWS requires, the IAM statements each pattern
 * needs (from the AWS page named in `iamDocs`), and what a local run of it needs. The builders, the
 * SW2014 rule, the Terraform policy and the local runner all read it.
 */
export interface IntegrationDescriptor<Id extends string = string> {
  /** `service:action`, derived from them. */
  readonly id: Id;
  /** The DSL's helper that makes it, as a user writes it (`sqs.sendMessage`). */
  readonly helper: string;
  /** An AWS SDK integration (`arn:aws:states:::aws-sdk:<service>:<action>`) Stepwright types, rather than an optimized one. */
  readonly sdk?: true;
  readonly service: string;
  readonly action: string;
  readonly patterns: readonly IntegrationPattern[];
  /** Request fields AWS requires (from the service's API reference); `[a, b]`: one of them. */
  readonly required: readonly (string | readonly string[])[];
  /** The request field the builder writes the target into (`FunctionName`, `StateMachineArn`). */
  readonly targetField?: string;
  /** The AWS documentation page the IAM statements follow. */
  readonly iamDocs: string;
  readonly iam: (context: IamContext) => readonly IamStatement[];
  /** A local run answers the task with a mock; `"lambda"`: `--invoke-aws` may call the real function instead. */
  readonly localRun: "mock" | "lambda";
  /**
   * Result fields AWS leaves out in some cases, each with when (from the service's API reference).
   * The result type has them optional; a call that assumes one is there says so, and is warned of (SW2020).
   */
  readonly resultMayLack?: Readonly<Record<string, string>>;
}

/** Declares an integration; its id is `service:action` (an SDK integration's, `aws-sdk:service:action`). */
export function defineIntegration<const Service extends string, const Action extends string>(
  descriptor: Omit<IntegrationDescriptor, "id" | "service" | "action"> & { readonly service: Service; readonly action: Action },
): IntegrationDescriptor<`${Service}:${Action}`> {
  const prefix = descriptor.sdk ? "aws-sdk:" : "";
  return Object.freeze({ ...descriptor, id: `${prefix}${descriptor.service}:${descriptor.action}` as `${Service}:${Action}` });
}

/** The ARN of an S3 object (or of objects under a key pattern) where the bucket is written out; undefined for a bucket chosen at run time. */
export function s3ObjectArn(partition: string, bucket: string | undefined, key: string | undefined): string | undefined {
  return bucket ? `arn:${partition}:s3:::${bucket}/${key ?? "*"}` : undefined;
}

/** The IR resource of a descriptor's integration, with a pattern it supports. */
export function resourceOf(descriptor: IntegrationDescriptor, extra: Pick<IntegrationResource, "target"> = {}): IntegrationResource {
  return {
    kind: "integration",
    service: descriptor.service,
    action: descriptor.action,
    pattern: "requestResponse",
    sdk: descriptor.sdk === true,
    ...(extra.target ? { target: extra.target } : {}),
    ...(descriptor.targetField ? { targetField: descriptor.targetField } : {}),
  };
}

/** The IAM action of an API action: `dynamodb:Query` for `dynamodb`'s `query` (IAM names actions as the API does, capitalized). */
export const iamActionOf = (prefix: string, action: string): string => `${prefix}:${action.charAt(0).toUpperCase()}${action.slice(1)}`;

/** A statement on `"*"` with the reason AWS documents no narrower resource. */
export const anyResource = (why: string, ...actions: string[]): IamStatement => ({ actions, resources: ["*"], why });

/** The actions on the resource the request names, or on `"*"` where it names none (`why`: how it is chosen then). */
export const onResource = (resource: string | undefined, why: string, ...actions: string[]): IamStatement =>
  resource ? { actions, resources: [resource] } : anyResource(why, ...actions);

/** The value as a JSON object, if it is one. */
export function jsonObject(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === "object" && !isJsonArray(value) ? value : undefined;
}

const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);

/** A request field's value when the workflow gives it literally (not a path or a JSONata expression). */
export function literalField(request: JsonValue | undefined, field: string): string | undefined {
  const value = jsonObject(request)?.[field];
  return typeof value === "string" && !value.startsWith("{%") ? value : undefined;
}

/** A resource a request names by name or by ARN, as an ARN (`fromName` makes one of a name); undefined stays undefined. */
export function arnOf<V extends string | undefined>(value: V, fromName: (name: string) => string): V {
  return (value === undefined || value.startsWith("arn:") ? value : fromName(value)) as V;
}

/**
 * Passing a role to a service that acts as it (a job's or a target's role): the role the request
 * names, else any role (`why` it is chosen at run time), and only to that service.
 */
export function passRole(role: string | undefined, service: string, why: string): IamStatement {
  const condition = { StringEquals: { "iam:PassedToService": service } };
  return { ...onResource(role, why, "iam:PassRole"), condition };
}

/** The EventBridge rule Step Functions manages to watch a `.sync` job (AWS names it per service). */
export const managedRule = (context: IamContext, rule: string): IamStatement => ({
  actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
  resources: [`arn:${context.partition}:events:${context.region}:${context.account}:rule/${rule}`],
});

export const isSync = (pattern: IntegrationPattern): boolean => pattern === "sync" || pattern === "sync:2";
