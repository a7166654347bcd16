import type { GraphNode } from "./graph.js";
import type { SourceSpan } from "./source.js";

export type WorkflowType = "STANDARD" | "EXPRESS";

export interface LoggingOptions {
  readonly level: "ALL" | "ERROR" | "FATAL" | "OFF";
  readonly includeExecutionData?: boolean;
}

/** A customer managed KMS key that encrypts the definition and execution history (Terraform `encryption_configuration`). */
export interface EncryptionOptions {
  /** The key: its ARN, its id (in the build's region and account) or a Terraform reference. */
  readonly kmsKey: TargetKey;
  /** How long Step Functions reuses a data key (60–900 seconds; AWS's default is 300). */
  readonly reusePeriodSeconds?: number;
}

/** A KMS key as the user names it. */
export type TargetKey =
  | { readonly kind: "arn"; readonly arn: string }
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "terraform"; readonly expression: string };

/** One alarm on a state machine metric: fires when the metric reaches `threshold` in `evaluationPeriods` periods of `periodSeconds`. */
export interface AlarmThreshold {
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/** CloudWatch alarms on the state machine's own metrics (Terraform only), and whom they notify. */
export interface AlarmsOptions {
  /** An SNS topic's ARN or a Terraform reference; `"create"` makes one in the module (its e-mail subscription is the variable `alarm_email`). */
  readonly topic:
    | { readonly kind: "arn"; readonly arn: string }
    | { readonly kind: "terraform"; readonly expression: string }
    | { readonly kind: "create" };
  readonly executionsFailed?: AlarmThreshold;
  readonly executionsTimedOut?: AlarmThreshold;
  readonly executionThrottled?: AlarmThreshold;
  readonly executionsAborted?: AlarmThreshold;
  /** ExecutionTime's p99 above this many seconds. */
  readonly p99Seconds?: AlarmThreshold;
}

/** A version an alias routes to: the one this deploy publishes, or another by ARN or Terraform reference. */
export type AliasVersion =
  | { readonly kind: "published" }
  | { readonly kind: "arn"; readonly arn: string }
  | { readonly kind: "terraform"; readonly expression: string };

/** An alias of the state machine (Terraform `aws_sfn_alias`): the versions it routes executions to, by weight (percent). */
export interface AliasNode {
  readonly name: string;
  readonly description?: string;
  readonly routing: readonly { readonly version: AliasVersion; readonly weight: number }[];
}

/** A whole state machine: its top-level graph plus the options that deploy it. */
export interface WorkflowNode extends GraphNode {
  readonly kind: "Workflow";
  readonly name: string;
  readonly type: WorkflowType;
  readonly timeoutSeconds?: number;
  readonly version?: string;
  readonly logging?: LoggingOptions;
  readonly tracing?: boolean;
  /** Deployment only (not in ASL): tags of the state machine, and whether to publish a version. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly publish?: boolean;
  /** Deployment only: aliases pointing at published versions. */
  readonly aliases?: readonly AliasNode[];
  readonly encryption?: EncryptionOptions;
  readonly alarms?: AlarmsOptions;
  readonly source?: SourceSpan;
}
