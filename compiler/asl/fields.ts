import type {
  CatcherNode,
  ChoiceNode,
  ChoiceRuleNode,
  CredentialsNode,
  FailNode,
  GraphNode,
  ItemBatcherNode,
  ItemReaderNode,
  MapNode,
  ParallelNode,
  PassNode,
  ProcessorConfigNode,
  ReaderConfigNode,
  ResultWriterNode,
  RetrierNode,
  SucceedNode,
  TaskNode,
  WaitNode,
  WorkflowNode,
  WriterConfigNode,
} from "../../src/ir/index.js";

/**
 * The plain fields of each ASL object, as [IR key, ASL key] pairs in the order they are written.
 * Shared by the ASL emitter and the ASL reader so the two can never disagree on a spelling.
 * Structured fields (Resource, Retry, Catch, Choices, Branches, ItemProcessor, ...) are handled
 * by each kind's own emitter and reader. The assertions at the end make an IR field that neither a
 * table nor a kind's own code writes a compile error that names the field.
 */
export type FieldPair<Node = Record<string, unknown>> = readonly [ir: keyof Node & string, asl: string];

export const headFields = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
] as const satisfies readonly FieldPair<TaskNode>[];

export const inputFields = [["inputPath", "InputPath"]] as const satisfies readonly FieldPair<TaskNode>[];

export const outputFields = [
  ["resultSelector", "ResultSelector"],
  ["resultPath", "ResultPath"],
  ["outputPath", "OutputPath"],
  ["output", "Output"],
  ["assign", "Assign"],
] as const satisfies readonly FieldPair<TaskNode>[];

export const transitionFields = [
  ["next", "Next"],
  ["end", "End"],
] as const satisfies readonly FieldPair<TaskNode>[];

export const taskFields = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
  ["timeoutSeconds", "TimeoutSeconds"],
  ["timeoutSecondsPath", "TimeoutSecondsPath"],
  ["heartbeatSeconds", "HeartbeatSeconds"],
  ["heartbeatSecondsPath", "HeartbeatSecondsPath"],
] as const satisfies readonly FieldPair<TaskNode>[];

export const passFields = [
  ["parameters", "Parameters"],
  ["result", "Result"],
] as const satisfies readonly FieldPair<PassNode>[];

export const waitFields = [
  ["seconds", "Seconds"],
  ["timestamp", "Timestamp"],
  ["secondsPath", "SecondsPath"],
  ["timestampPath", "TimestampPath"],
] as const satisfies readonly FieldPair<WaitNode>[];

export const failFields = [
  ["error", "Error"],
  ["errorPath", "ErrorPath"],
  ["cause", "Cause"],
  ["causePath", "CausePath"],
] as const satisfies readonly FieldPair<FailNode>[];

export const choiceFields = [["default", "Default"]] as const satisfies readonly FieldPair<ChoiceNode>[];

export const parallelFields = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
] as const satisfies readonly FieldPair<ParallelNode>[];

export const mapFields = [
  ["itemsPath", "ItemsPath"],
  ["items", "Items"],
  ["itemSelector", "ItemSelector"],
  ["parameters", "Parameters"],
  ["maxConcurrency", "MaxConcurrency"],
  ["maxConcurrencyPath", "MaxConcurrencyPath"],
  ["toleratedFailurePercentage", "ToleratedFailurePercentage"],
  ["toleratedFailurePercentagePath", "ToleratedFailurePercentagePath"],
  ["toleratedFailureCount", "ToleratedFailureCount"],
  ["toleratedFailureCountPath", "ToleratedFailureCountPath"],
  ["label", "Label"],
] as const satisfies readonly FieldPair<MapNode>[];

export const retrierFields = [
  ["errorEquals", "ErrorEquals"],
  ["intervalSeconds", "IntervalSeconds"],
  ["maxAttempts", "MaxAttempts"],
  ["backoffRate", "BackoffRate"],
  ["maxDelaySeconds", "MaxDelaySeconds"],
  ["jitterStrategy", "JitterStrategy"],
  ["comment", "Comment"],
] as const satisfies readonly FieldPair<RetrierNode>[];

export const catcherFields = [
  ["errorEquals", "ErrorEquals"],
  ["resultPath", "ResultPath"],
  ["output", "Output"],
  ["assign", "Assign"],
  ["next", "Next"],
  ["comment", "Comment"],
] as const satisfies readonly FieldPair<CatcherNode>[];

export const choiceRuleFields = [
  ["assign", "Assign"],
  ["output", "Output"],
  ["next", "Next"],
  ["comment", "Comment"],
] as const satisfies readonly FieldPair<ChoiceRuleNode>[];

export const itemBatcherFields = [
  ["maxItemsPerBatch", "MaxItemsPerBatch"],
  ["maxItemsPerBatchPath", "MaxItemsPerBatchPath"],
  ["maxInputBytesPerBatch", "MaxInputBytesPerBatch"],
  ["maxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath"],
  ["batchInput", "BatchInput"],
] as const satisfies readonly FieldPair<ItemBatcherNode>[];

export const itemReaderFields = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
] as const satisfies readonly FieldPair<ItemReaderNode>[];

export const readerConfigFields = [
  ["inputType", "InputType"],
  ["csvHeaderLocation", "CSVHeaderLocation"],
  ["csvHeaders", "CSVHeaders"],
  ["csvDelimiter", "CSVDelimiter"],
  ["manifestType", "ManifestType"],
  ["maxItems", "MaxItems"],
  ["maxItemsPath", "MaxItemsPath"],
] as const satisfies readonly FieldPair<ReaderConfigNode>[];

export const resultWriterFields = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
] as const satisfies readonly FieldPair<ResultWriterNode>[];

export const writerConfigFields = [
  ["outputType", "OutputType"],
  ["transformation", "Transformation"],
] as const satisfies readonly FieldPair<WriterConfigNode>[];

export const credentialsFields = [
  ["roleArn", "RoleArn"],
  ["roleArnPath", "RoleArn.$"],
] as const satisfies readonly FieldPair<CredentialsNode>[];

export const processorConfigFields = [
  ["mode", "Mode"],
  ["executionType", "ExecutionType"],
] as const satisfies readonly FieldPair<ProcessorConfigNode>[];

export const graphFields = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
] as const satisfies readonly FieldPair<GraphNode>[];

export const workflowFields = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
  ["version", "Version"],
  ["timeoutSeconds", "TimeoutSeconds"],
] as const satisfies readonly FieldPair<WorkflowNode>[];

/** Copies the fields that are set (never inventing defaults) from `from` to `to`, renaming each. */
export function copyFields(
  from: object,
  to: Record<string, unknown>,
  pairs: readonly (readonly [string, string])[],
  direction: "toAsl" | "toIr",
): void {
  for (const [ir, asl] of pairs) {
    const [source, target] = direction === "toAsl" ? [ir, asl] : [asl, ir];
    const value = (from as Record<string, unknown>)[source];
    if (value !== undefined) to[target] = value;
  }
}

/** The IR keys a set of tables maps. */
type Mapped<Tables> = Tables extends readonly (readonly [infer K, string])[] ? K : never;
/** The fields of `Node` that no table maps and that its kind's own code does not claim: must be `never`. */
export type Unmapped<Node, Tables, Elsewhere extends PropertyKey = never> = Exclude<keyof Node, Mapped<Tables> | Elsewhere>;
/** Compiles only when `T` is `never`; otherwise the error names the unmapped fields. */
export type AllMapped<T extends never> = T;

export type StateTables = typeof headFields | typeof inputFields | typeof outputFields | typeof transitionFields;
/** What every state kind's own code handles besides its tables: the IR's own bookkeeping. */
/** Not ASL fields (kind, name, where written) or written by the emitter as they are (`asl`). */
type Bookkeeping = "kind" | "name" | "source" | "asl" | "nextSources";
type ErrorLists = "retry" | "catch";

export type TaskElsewhere = Bookkeeping | ErrorLists | "resource" | "credentials" | "assumed" | "payloadField";
export type CoveredFields = [
  AllMapped<Unmapped<TaskNode, StateTables | typeof taskFields, TaskElsewhere>>,
  AllMapped<Unmapped<PassNode, StateTables | typeof passFields, Bookkeeping>>,
  AllMapped<Unmapped<WaitNode, StateTables | typeof waitFields, Bookkeeping>>,
  AllMapped<Unmapped<FailNode, StateTables | typeof failFields, Bookkeeping>>,
  AllMapped<Unmapped<SucceedNode, StateTables, Bookkeeping>>,
  AllMapped<Unmapped<ChoiceNode, StateTables | typeof choiceFields, Bookkeeping | "choices" | "defaultSource">>,
  AllMapped<Unmapped<ParallelNode, StateTables | typeof parallelFields, Bookkeeping | ErrorLists | "branches">>,
  AllMapped<
    Unmapped<
      MapNode,
      StateTables | typeof mapFields,
      Bookkeeping | ErrorLists | "itemProcessor" | "itemReader" | "itemBatcher" | "resultWriter"
    >
  >,
  AllMapped<Unmapped<RetrierNode, typeof retrierFields>>,
  AllMapped<Unmapped<CatcherNode, typeof catcherFields, "source">>,
  AllMapped<Unmapped<ChoiceRuleNode, typeof choiceRuleFields, "condition" | "source">>,
  AllMapped<Unmapped<ItemReaderNode, typeof itemReaderFields, "resource" | "readerConfig">>,
  AllMapped<Unmapped<ReaderConfigNode, typeof readerConfigFields, "unknownFields">>,
  AllMapped<Unmapped<ResultWriterNode, typeof resultWriterFields, "resource" | "writerConfig">>,
  AllMapped<Unmapped<WriterConfigNode, typeof writerConfigFields, "unknownFields">>,
  AllMapped<Unmapped<CredentialsNode, typeof credentialsFields, "unknownFields">>,
  AllMapped<Unmapped<ItemBatcherNode, typeof itemBatcherFields>>,
  AllMapped<Unmapped<ProcessorConfigNode, typeof processorConfigFields>>,
  // The workflow: deployment options live in Terraform, not in ASL.
  AllMapped<
    Unmapped<
      WorkflowNode,
      typeof workflowFields,
      | "kind"
      | "name"
      | "source"
      | "startAt"
      | "states"
      | "type"
      | "logging"
      | "tracing"
      | "tags"
      | "publish"
      | "aliases"
      | "encryption"
      | "alarms"
    >
  >,
  AllMapped<Unmapped<GraphNode, typeof graphFields, "startAt" | "states">>,
];

/** An ASL object with a table of known fields and room for fields ASL does not define (Credentials, ReaderConfig, WriterConfig). */
export function openObjectToAsl(
  node: { readonly unknownFields?: Readonly<Record<string, unknown>> },
  pairs: readonly (readonly [string, string])[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  copyFields(node, out, pairs, "toAsl");
  return { ...out, ...node.unknownFields };
}

/** The IR of such an object: known fields renamed, the rest kept under `unknownFields`. */
export function openObjectToIr<T>(asl: Readonly<Record<string, unknown>>, pairs: readonly (readonly [string, string])[]): T {
  const out: Record<string, unknown> = {};
  copyFields(asl, out, pairs, "toIr");
  const known = new Set(pairs.map(([, name]) => name));
  const unknown = Object.entries(asl).filter(([key]) => !known.has(key));
  if (unknown.length > 0) out.unknownFields = Object.fromEntries(unknown);
  return out as T;
}
