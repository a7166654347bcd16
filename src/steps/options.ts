import type { JsonataExpr } from "../data/jsonata.js";
import type { JsonPath } from "../data/path-string.js";

/*
 * The options of a Distributed Map's reader, batcher and writer, as the builder takes them and its
 * draft keeps them: a leaf module, so the draft types and the step classes both read it.
 */

/** Where a Distributed Map reads its items from (ASL `ItemReader`). */
export interface ItemReaderOptions {
  /** The S3 action: `getObject` for one JSON/CSV/manifest file, `listObjectsV2` for objects under a prefix. */
  readonly action: "getObject" | "listObjectsV2" | (string & {});
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly readerConfig?: {
    readonly inputType?: "CSV" | "JSON" | "JSONL" | "MANIFEST" | "PARQUET";
    readonly csvHeaderLocation?: "FIRST_ROW" | "GIVEN";
    readonly csvHeaders?: readonly string[];
    readonly csvDelimiter?: "COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB";
    readonly maxItems?: number;
    readonly maxItemsPath?: string;
  };
}

/** Where a Distributed Map writes its results (ASL `ResultWriter`). */
export interface ResultWriterOptions {
  readonly parameters?: { readonly Bucket: string; readonly Prefix?: string };
  readonly writerConfig?: { readonly outputType?: "JSON" | "JSONL"; readonly transformation?: "NONE" | "COMPACT" | "FLATTEN" };
}

/**
 * How items are batched for each child execution (ASL `ItemBatcher`). A batch size is a number, a
 * path the Map's input holds it at (`"$.batchSize"`: `MaxItemsPerBatchPath`), or a JSONata expression.
 */
export interface ItemBatcherOptions<In = any> {
  readonly maxItemsPerBatch?: number | JsonataExpr<number> | JsonPath<In>;
  readonly maxInputBytesPerBatch?: number | JsonataExpr<number> | JsonPath<In>;
  readonly batchInput?: Readonly<Record<string, unknown>>;
}
