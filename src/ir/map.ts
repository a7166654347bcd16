import type { GraphNode } from "./graph.js";
import type { JsonObject, JsonValue } from "./json.js";
import type { ResourceNode } from "./resource.js";
import type { SourceSpan } from "./source.js";
import type { ErrorHandling, OutputTemplate, PathFiltering, ResultHandling, StateBase, Transition } from "./state-base.js";

/** How a Map runs its item processor: inline, or as child executions (Distributed Map). */
export interface ProcessorConfigNode {
  readonly mode?: "INLINE" | "DISTRIBUTED";
  readonly executionType?: "STANDARD" | "EXPRESS";
}

/** The item processor of a Map; `field` records the legacy `Iterator` spelling when it was read so. */
export interface ItemProcessorNode extends GraphNode {
  readonly processorConfig?: ProcessorConfigNode;
  readonly field?: "ItemProcessor" | "Iterator";
  /** Not ASL: where `.process(...)` was written (the type-flow checks look up the item type there). */
  readonly source?: SourceSpan;
}

/** How a Distributed Map reads the object its ItemReader names (ASL `ReaderConfig`). */
export interface ReaderConfigNode {
  readonly inputType?: string;
  readonly csvHeaderLocation?: string;
  readonly csvHeaders?: readonly string[];
  readonly csvDelimiter?: string;
  readonly manifestType?: string;
  readonly maxItems?: number | string;
  readonly maxItemsPath?: string;
  /** Fields ASL does not define, kept as others' definitions write them. */
  readonly unknownFields?: JsonObject;
}

/** Where a Distributed Map reads its items (S3 objects, a JSON/CSV/manifest file). */
export interface ItemReaderNode {
  readonly resource: ResourceNode;
  readonly parameters?: JsonValue;
  readonly arguments?: JsonValue;
  readonly readerConfig?: ReaderConfigNode;
}

/** How a Distributed Map writes its results (ASL `WriterConfig`). */
export interface WriterConfigNode {
  readonly outputType?: string;
  readonly transformation?: string;
  readonly unknownFields?: JsonObject;
}

/** Where a Distributed Map writes its results. */
export interface ResultWriterNode {
  readonly resource?: ResourceNode;
  readonly parameters?: JsonValue;
  readonly arguments?: JsonValue;
  readonly writerConfig?: WriterConfigNode;
}

/** Batching of items for each child execution (Distributed Map). */
export interface ItemBatcherNode {
  readonly maxItemsPerBatch?: number | string;
  readonly maxItemsPerBatchPath?: string;
  readonly maxInputBytesPerBatch?: number | string;
  readonly maxInputBytesPerBatchPath?: string;
  readonly batchInput?: JsonValue;
}

/** A Map state: runs the item processor for each item; its result is the array of item outputs. */
export interface MapNode extends StateBase, Transition, PathFiltering, OutputTemplate, ResultHandling, ErrorHandling {
  readonly kind: "Map";
  readonly itemProcessor: ItemProcessorNode;
  readonly itemsPath?: string;
  /** JSONata: an array or a `{% %}` expression. */
  readonly items?: JsonValue;
  readonly itemSelector?: JsonValue;
  /** Legacy spelling of itemSelector. */
  readonly parameters?: JsonValue;
  readonly itemReader?: ItemReaderNode;
  readonly itemBatcher?: ItemBatcherNode;
  readonly resultWriter?: ResultWriterNode;
  readonly maxConcurrency?: number | string;
  readonly maxConcurrencyPath?: string;
  readonly toleratedFailurePercentage?: number | string;
  readonly toleratedFailurePercentagePath?: string;
  readonly toleratedFailureCount?: number | string;
  readonly toleratedFailureCountPath?: string;
  readonly label?: string;
}
