import type { AllLowered, Unlowered } from "./common.js";
import type { ItemBatcherNode, ItemProcessorNode, ItemReaderNode, MapNode, ResultWriterNode } from "../ir/map.js";
import type { DraftOf, MapDraftFields } from "../steps/draft.js";
import { lowerCommon, lowerResult } from "./common.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
import { lowerGraph } from "./graph.js";
import { definedOnly } from "../ir/defined.js";

function lowerProcessor(f: MapDraftFields, ctx: LowerContext): ItemProcessorNode {
  const config = definedOnly({ mode: f.mode, executionType: f.executionType });
  return {
    ...lowerGraph(f.processor, ctx),
    ...(Object.keys(config).length > 0 ? { processorConfig: config } : {}),
    ...(f.legacy ? { field: "Iterator" as const } : {}),
    ...(f.processorSource ? { source: f.processorSource } : {}),
  };
}

/** MaxConcurrency and the tolerated failures: a number or expression, or where the input holds it. */
function lowerLimit(
  f: MapDraftFields,
  key: "maxConcurrency" | "toleratedFailurePercentage" | "toleratedFailureCount",
  jsonata: boolean,
): Partial<MapNode> {
  const path = f[`${key}Path`];
  return {
    ...(f[key] !== undefined ? { [key]: numberOrExpression(f[key]) } : {}),
    ...(path === undefined ? {} : jsonata ? { [key]: selectorJsonata(path) } : { [`${key}Path`]: selectorPath(path) }),
  };
}

/** A batch size: a number or expression, or (JSONPath) where the input holds it (`MaxItemsPerBatchPath`). */
function batchSize(
  value: NonNullable<MapDraftFields["itemBatcher"]>["maxItemsPerBatch"],
  key: "maxItemsPerBatch" | "maxInputBytesPerBatch",
  jsonata: boolean,
): Partial<ItemBatcherNode> {
  if (value === undefined) return {};
  if (typeof value !== "string") return { [key]: numberOrExpression(value) };
  return jsonata ? { [key]: selectorJsonata(value) } : { [`${key}Path`]: selectorPath(value) };
}

/** ItemReader, ItemBatcher and ResultWriter of a Distributed Map. */
function lowerDistributed(draft: DraftOf<"Map">, ctx: LowerContext): Pick<MapNode, "itemReader" | "itemBatcher" | "resultWriter"> {
  const f = draft.fields;
  const jsonata = ctx.languageOf(draft) === "JSONata";
  const requestKey = jsonata ? "arguments" : "parameters";
  const s3 = (action: string) => ({ kind: "integration", service: "s3", action, pattern: "requestResponse", sdk: false }) as const;
  const { itemReader: reader, itemBatcher: batcher, resultWriter: writer } = f;
  const readerRequest = reader ? ctx.template(draft, "ItemReader parameters", reader.parameters) : undefined;
  const itemReader: ItemReaderNode | undefined = reader && {
    resource: s3(reader.action),
    ...(readerRequest !== undefined ? { [requestKey]: readerRequest } : {}),
    ...(reader.readerConfig ? { readerConfig: definedOnly(reader.readerConfig) } : {}),
  };
  const batchInput = batcher?.batchInput !== undefined ? ctx.template(draft, "BatchInput", batcher.batchInput) : undefined;
  const itemBatcher: ItemBatcherNode | undefined = batcher && {
    ...batchSize(batcher.maxItemsPerBatch, "maxItemsPerBatch", jsonata),
    ...batchSize(batcher.maxInputBytesPerBatch, "maxInputBytesPerBatch", jsonata),
    ...(batchInput !== undefined ? { batchInput } : {}),
  };
  const writerRequest = writer?.parameters ? ctx.template(draft, "ResultWriter parameters", writer.parameters) : undefined;
  const resultWriter: ResultWriterNode | undefined = writer && {
    ...(writer.parameters ? { resource: s3("putObject"), ...(writerRequest !== undefined ? { [requestKey]: writerRequest } : {}) } : {}),
    ...(writer.writerConfig ? { writerConfig: definedOnly(writer.writerConfig) } : {}),
  };
  return { ...(itemReader ? { itemReader } : {}), ...(itemBatcher ? { itemBatcher } : {}), ...(resultWriter ? { resultWriter } : {}) };
}

export function lowerMap(draft: DraftOf<"Map">, ctx: LowerContext): MapNode {
  const f = draft.fields;
  const jsonata = ctx.languageOf(draft) === "JSONata";
  const items = f.items !== undefined && ctx.requireLanguage(draft, "Items", "JSONata") ? ctx.template(draft, "Items", f.items) : undefined;
  const itemSelector = f.itemSelector !== undefined ? ctx.template(draft, "ItemSelector", f.itemSelector) : undefined;
  return {
    ...lowerCommon(draft, ctx),
    itemProcessor: lowerProcessor(f, ctx),
    // The same selector reads the items in either language.
    ...(f.itemsPath !== undefined ? (jsonata ? { items: selectorJsonata(f.itemsPath) } : { itemsPath: selectorPath(f.itemsPath) }) : {}),
    ...(items !== undefined ? { items } : {}),
    ...(itemSelector !== undefined ? (f.legacy ? { parameters: itemSelector } : { itemSelector }) : {}),
    ...lowerLimit(f, "maxConcurrency", jsonata),
    ...lowerLimit(f, "toleratedFailurePercentage", jsonata),
    ...lowerLimit(f, "toleratedFailureCount", jsonata),
    ...(f.label !== undefined ? { label: f.label } : {}),
    ...lowerDistributed(draft, ctx),
    ...lowerResult(draft, f, ctx),
  };
}

/** The Map draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type MapRead =
  | "processor"
  | "processorSource"
  | "mode"
  | "executionType"
  | "itemsPath"
  | "items"
  | "itemSelector"
  | "parameters"
  | "maxConcurrency"
  | "maxConcurrencyPath"
  | "toleratedFailurePercentage"
  | "toleratedFailurePercentagePath"
  | "toleratedFailureCount"
  | "toleratedFailureCountPath"
  | "label"
  | "legacy"
  | "itemReader"
  | "itemBatcher"
  | "resultWriter";
/** Every field of a Map draft is lowered: a new one fails here until its lowering reads it. */
export type MapLowered = AllLowered<Unlowered<MapDraftFields, MapRead>>;
