import type { TerraformRef } from "../integrations/integration.js";
import type { AliasNode, AliasVersion, AlarmsOptions, LoggingOptions, TargetKey, WorkflowNode, WorkflowType } from "../ir/workflow.js";
import type { QueryLanguage } from "../ir/query-language.js";
import type { SourceSpan } from "../ir/source.js";
import type { ChainData } from "../steps/draft.js";
import { LowerContext } from "./context.js";
import { lowerGraph } from "./graph.js";
import type { Problem } from "./problem.js";

/** The result of assembling a workflow: its IR, and what could not be assembled. */
export interface AssembledWorkflow {
  readonly ir: WorkflowNode;
  readonly problems: readonly Problem[];
}

/** How a workflow runs and deploys: everything `workflow(name, { ... })` takes besides its steps. */
export interface WorkflowSettings {
  /** `"STANDARD"` (default) or `"EXPRESS"` (at most 5 minutes; no `.sync` or callbacks). */
  readonly type?: WorkflowType;
  readonly comment?: string;
  /** The default query language of every state (ASL's default is JSONPath). */
  readonly queryLanguage?: QueryLanguage;
  /** Fails the execution with States.Timeout after this many seconds. */
  readonly timeoutSeconds?: number;
  readonly logging?: LoggingOptions;
  /** AWS X-Ray tracing. */
  readonly tracing?: boolean;
  /** Tags for the deployed state machine. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Publish a version of the state machine on every deploy (Terraform `publish`). */
  readonly publish?: boolean;
  /**
   * Aliases of the state machine (Terraform `aws_sfn_alias`), by name: each routes executions to
   * one or two versions by weight (percent, summing to 100). `"published"` is the version this
   * deploy publishes (needs `publish: true`); another is a version ARN or `tf(...)`. Without
   * `routing`, all executions go to the published version.
   * @example aliases: { live: { routing: [{ version: "published", weight: 10 }, { version: tf("var.stable_version_arn"), weight: 90 }] } }
   */
  readonly aliases?: Readonly<Record<string, AliasSettings>>;
  /**
   * Encrypt the definition and execution history with a customer managed KMS key: its ARN, id, or
   * `tf("aws_kms_key.x.arn")`. The role gets kms:Decrypt and kms:GenerateDataKey on it.
   */
  readonly encryption?: { readonly kmsKey: string | TerraformRef; readonly reusePeriodSeconds?: number };
  /**
   * CloudWatch alarms on the state machine's metrics, notifying an SNS topic (its ARN, `tf(...)`, or
   * `"create"` for one in the module). Failed, timed-out, throttled and aborted executions alarm at
   * the first one in five minutes unless set otherwise (`false` turns one off); `p99Seconds` adds an
   * alarm on ExecutionTime's p99.
   * @example alarms: { topic: "create", executionsFailed: { threshold: 3 }, p99Seconds: 120 }
   */
  readonly alarms?: AlarmSettings;
}

/** One alias: a description, and the versions it routes to. */
export interface AliasSettings {
  readonly description?: string;
  readonly routing?: readonly { readonly version: "published" | string | TerraformRef; readonly weight: number }[];
}

function aliasesOf(aliases: Readonly<Record<string, AliasSettings>>): AliasNode[] {
  const versionOf = (version: "published" | string | TerraformRef): AliasVersion =>
    typeof version !== "string"
      ? { kind: "terraform", expression: version.terraform }
      : version === "published"
        ? { kind: "published" }
        : { kind: "arn", arn: version };
  return Object.entries(aliases).map(([name, alias]) => ({
    name,
    ...(alias.description !== undefined ? { description: alias.description } : {}),
    routing: (alias.routing ?? [{ version: "published", weight: 100 }]).map((r) => ({ version: versionOf(r.version), weight: r.weight })),
  }));
}

type AlarmSetting = false | { readonly threshold?: number; readonly periodSeconds?: number; readonly evaluationPeriods?: number };

export interface AlarmSettings {
  readonly topic: string | TerraformRef | "create";
  readonly executionsFailed?: AlarmSetting;
  readonly executionsTimedOut?: AlarmSetting;
  readonly executionThrottled?: AlarmSetting;
  readonly executionsAborted?: AlarmSetting;
  readonly p99Seconds?: number | { readonly seconds: number; readonly periodSeconds?: number; readonly evaluationPeriods?: number };
}

/** The alarms as the IR holds them: every default made explicit. */
function alarmsOf(a: AlarmSettings): AlarmsOptions {
  const topic: AlarmsOptions["topic"] =
    a.topic === "create"
      ? { kind: "create" }
      : typeof a.topic === "string"
        ? { kind: "arn", arn: a.topic }
        : { kind: "terraform", expression: a.topic.terraform };
  const threshold = (setting: AlarmSetting | undefined) =>
    setting === false
      ? undefined
      : {
          threshold: setting?.threshold ?? 1,
          periodSeconds: setting?.periodSeconds ?? 300,
          evaluationPeriods: setting?.evaluationPeriods ?? 1,
        };
  const p99 = typeof a.p99Seconds === "number" ? { seconds: a.p99Seconds } : a.p99Seconds;
  const entries = {
    executionsFailed: threshold(a.executionsFailed),
    executionsTimedOut: threshold(a.executionsTimedOut),
    executionThrottled: threshold(a.executionThrottled),
    executionsAborted: threshold(a.executionsAborted),
    p99Seconds: p99 && { threshold: p99.seconds, periodSeconds: p99.periodSeconds ?? 300, evaluationPeriods: p99.evaluationPeriods ?? 1 },
  };
  return { topic, ...Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) };
}

function keyOf(key: string | TerraformRef): TargetKey {
  if (typeof key !== "string") return { kind: "terraform", expression: key.terraform };
  return key.startsWith("arn:") ? { kind: "arn", arn: key } : { kind: "id", id: key };
}

/** Lowers a workflow's definition into IR: plain data, deeply frozen. */
export function assembleWorkflow(
  name: string,
  o: WorkflowSettings,
  definition: ChainData,
  source: SourceSpan | undefined,
): AssembledWorkflow {
  const ctx = new LowerContext(o.queryLanguage ?? "JSONPath");
  const graph = lowerGraph(definition, ctx);
  const ir: WorkflowNode = {
    kind: "Workflow",
    name,
    type: o.type ?? "STANDARD",
    ...(o.comment !== undefined ? { comment: o.comment } : {}),
    ...(o.queryLanguage !== undefined ? { queryLanguage: o.queryLanguage } : {}),
    ...(o.timeoutSeconds !== undefined ? { timeoutSeconds: o.timeoutSeconds } : {}),
    ...(o.logging !== undefined ? { logging: o.logging } : {}),
    ...(o.tracing !== undefined ? { tracing: o.tracing } : {}),
    ...(o.tags !== undefined ? { tags: { ...o.tags } } : {}),
    ...(o.publish !== undefined ? { publish: o.publish } : {}),
    ...(o.aliases !== undefined ? { aliases: aliasesOf(o.aliases) } : {}),
    ...(o.encryption !== undefined
      ? {
          encryption: {
            kmsKey: keyOf(o.encryption.kmsKey),
            ...(o.encryption.reusePeriodSeconds !== undefined ? { reusePeriodSeconds: o.encryption.reusePeriodSeconds } : {}),
          },
        }
      : {}),
    ...(o.alarms !== undefined ? { alarms: alarmsOf(o.alarms) } : {}),
    ...(source ? { source } : {}),
    ...graph,
  };
  return deepFreeze({ ir, problems: ctx.problems });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
