/**
 * The plain fields of each ASL state kind, as [IR key, ASL key] pairs in the order they are written.
 * Shared by the ASL emitter and the ASL reader so the two can never disagree on a spelling.
 * Structured fields (Resource, Retry, Catch, Choices, Branches, ItemProcessor, ...) are handled
 * by each kind's own emitter and reader.
 */
export type FieldPair = readonly [ir: string, asl: string];

export const headFields: readonly FieldPair[] = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
];

export const inputFields: readonly FieldPair[] = [["inputPath", "InputPath"]];

export const outputFields: readonly FieldPair[] = [
  ["resultSelector", "ResultSelector"],
  ["resultPath", "ResultPath"],
  ["outputPath", "OutputPath"],
  ["output", "Output"],
  ["assign", "Assign"],
];

export const transitionFields: readonly FieldPair[] = [
  ["next", "Next"],
  ["end", "End"],
];

export const taskFields: readonly FieldPair[] = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
  ["credentials", "Credentials"],
  ["timeoutSeconds", "TimeoutSeconds"],
  ["timeoutSecondsPath", "TimeoutSecondsPath"],
  ["heartbeatSeconds", "HeartbeatSeconds"],
  ["heartbeatSecondsPath", "HeartbeatSecondsPath"],
];

export const passFields: readonly FieldPair[] = [
  ["parameters", "Parameters"],
  ["result", "Result"],
];

export const waitFields: readonly FieldPair[] = [
  ["seconds", "Seconds"],
  ["timestamp", "Timestamp"],
  ["secondsPath", "SecondsPath"],
  ["timestampPath", "TimestampPath"],
];

export const failFields: readonly FieldPair[] = [
  ["error", "Error"],
  ["errorPath", "ErrorPath"],
  ["cause", "Cause"],
  ["causePath", "CausePath"],
];

export const choiceFields: readonly FieldPair[] = [["default", "Default"]];

export const parallelFields: readonly FieldPair[] = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
];

export const mapFields: readonly FieldPair[] = [
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
];

export const retrierFields: readonly FieldPair[] = [
  ["errorEquals", "ErrorEquals"],
  ["intervalSeconds", "IntervalSeconds"],
  ["maxAttempts", "MaxAttempts"],
  ["backoffRate", "BackoffRate"],
  ["maxDelaySeconds", "MaxDelaySeconds"],
  ["jitterStrategy", "JitterStrategy"],
  ["comment", "Comment"],
];

export const catcherFields: readonly FieldPair[] = [
  ["errorEquals", "ErrorEquals"],
  ["resultPath", "ResultPath"],
  ["output", "Output"],
  ["assign", "Assign"],
  ["next", "Next"],
  ["comment", "Comment"],
];

export const choiceRuleFields: readonly FieldPair[] = [
  ["assign", "Assign"],
  ["output", "Output"],
  ["next", "Next"],
  ["comment", "Comment"],
];

export const itemBatcherFields: readonly FieldPair[] = [
  ["maxItemsPerBatch", "MaxItemsPerBatch"],
  ["maxItemsPerBatchPath", "MaxItemsPerBatchPath"],
  ["maxInputBytesPerBatch", "MaxInputBytesPerBatch"],
  ["maxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath"],
  ["batchInput", "BatchInput"],
];

export const itemReaderFields: readonly FieldPair[] = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
  ["readerConfig", "ReaderConfig"],
];

export const resultWriterFields: readonly FieldPair[] = [
  ["parameters", "Parameters"],
  ["arguments", "Arguments"],
  ["writerConfig", "WriterConfig"],
];

export const processorConfigFields: readonly FieldPair[] = [
  ["mode", "Mode"],
  ["executionType", "ExecutionType"],
];

export const graphFields: readonly FieldPair[] = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
];

export const workflowFields: readonly FieldPair[] = [
  ["comment", "Comment"],
  ["queryLanguage", "QueryLanguage"],
  ["version", "Version"],
  ["timeoutSeconds", "TimeoutSeconds"],
];

/** Copies the fields that are set (never inventing defaults) from `from` to `to`, renaming each. */
export function copyFields(
  from: object,
  to: Record<string, unknown>,
  pairs: readonly FieldPair[],
  direction: "toAsl" | "toIr",
): void {
  for (const [ir, asl] of pairs) {
    const [source, target] = direction === "toAsl" ? [ir, asl] : [asl, ir];
    const value = (from as Record<string, unknown>)[source];
    if (value !== undefined) to[target] = value;
  }
}
