import type { GraphNode } from "./graph.js";
import type { SourceSpan } from "./source.js";

export type WorkflowType = "STANDARD" | "EXPRESS";

export interface LoggingOptions {
  readonly level: "ALL" | "ERROR" | "FATAL" | "OFF";
  readonly includeExecutionData?: boolean;
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
  readonly source?: SourceSpan;
}
