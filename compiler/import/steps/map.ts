import { isJsonObject } from "../../../src/ir/json.js";
import type { ItemBatcherNode, ItemReaderNode, MapNode, ResultWriterNode } from "../../../src/ir/map.js";
import { type Code, json, object } from "../base/code.js";
import { builderCode, jsonataCode, selectorCode } from "../base/template.js";
import { errorMethods, headMethods, numberOrPath, outputAndAssign, pathMethod, resultMethods } from "./common.js";
import { dslCall, type StepContext } from "./context.js";

type Entries = [string, Code][];
const s3 = (r: { kind: string; service?: string; sdk?: boolean; pattern?: string } | undefined) =>
  r?.kind === "integration" && r.service === "s3" && !r.sdk && r.pattern === "requestResponse";

/** A count option, when the Map has it. */
function count(entries: Entries, key: string, value: number | string | undefined, path: string | undefined, ctx: StepContext): void {
  const code = numberOrPath(value, path, ctx);
  if (code) entries.push([key, code]);
}

/** ItemReader, ItemBatcher and ResultWriter in the shapes the map options take; anything else is left to `.asl`. */
function distributed(
  entries: Entries,
  reader: ItemReaderNode | undefined,
  batcher: ItemBatcherNode | undefined,
  writer: ResultWriterNode | undefined,
  ctx: StepContext,
): void {
  const config = reader?.readerConfig;
  const plainConfig = !config || (!config.unknownFields && (config.maxItems === undefined || typeof config.maxItems === "number"));
  if (reader && s3(reader.resource) && reader.resource.kind === "integration" && plainConfig) {
    const parameters = reader.parameters ?? reader.arguments;
    entries.push([
      "itemReader",
      object([
        ["action", json(reader.resource.action)],
        ["parameters", json(parameters ?? {})],
        ...(reader.readerConfig ? ([["readerConfig", json(reader.readerConfig)]] as Entries) : []),
      ]),
    ]);
  }
  // A BatchInput that is not an object (a JSONata expression for the whole of it) is left to `.asl`.
  if (batcher && (batcher.batchInput === undefined || isJsonObject(batcher.batchInput))) {
    const options: Entries = [];
    count(options, "maxItemsPerBatch", batcher.maxItemsPerBatch, batcher.maxItemsPerBatchPath, ctx);
    count(options, "maxInputBytesPerBatch", batcher.maxInputBytesPerBatch, batcher.maxInputBytesPerBatchPath, ctx);
    if (batcher.batchInput !== undefined) options.push(["batchInput", json(batcher.batchInput)]);
    entries.push(["itemBatcher", object(options)]);
  }
  const plainWriter = writer && (!writer.resource || s3(writer.resource)) && !writer.writerConfig?.unknownFields && !writer.arguments;
  if (plainWriter) {
    entries.push([
      "resultWriter",
      object([
        ...(writer.parameters !== undefined ? ([["parameters", json(writer.parameters)]] as Entries) : []),
        ...(writer.writerConfig ? ([["writerConfig", json(writer.writerConfig)]] as Entries) : []),
      ]),
    ]);
  }
}

function mapOptions(node: MapNode, ctx: StepContext): Code {
  const entries: Entries = [];
  // A declared input is declared on the items selector's `$`.
  if (node.itemsPath !== undefined)
    entries.push([
      "items",
      ctx.types.input !== undefined ? selectorCode(node.itemsPath, ctx.imports, ctx.types.input) : json(node.itemsPath),
    ]);
  else if (Array.isArray(node.items)) entries.push(["items", json(node.items)]);
  else {
    const items = jsonataCode(node.items, ctx.imports);
    if (items) entries.push(["items", items]);
  }
  const selector = node.itemSelector ?? node.parameters;
  // Without an items path to declare the input on, the ItemSelector's `$` declares it.
  const onSelector =
    node.itemsPath === undefined && ctx.types.input !== undefined
      ? { name: "$", root: { kind: "input" as const }, declared: ctx.types.input }
      : undefined;
  if (selector !== undefined) entries.push(["itemSelector", builderCode(selector, ctx.language, ctx.imports, onSelector)]);
  count(entries, "maxConcurrency", node.maxConcurrency, node.maxConcurrencyPath, ctx);
  count(entries, "toleratedFailurePercentage", node.toleratedFailurePercentage, node.toleratedFailurePercentagePath, ctx);
  count(entries, "toleratedFailureCount", node.toleratedFailureCount, node.toleratedFailureCountPath, ctx);
  if (node.label !== undefined) entries.push(["label", json(node.label)]);
  const config = node.itemProcessor.processorConfig;
  if (config?.mode === "DISTRIBUTED" && config.executionType)
    entries.push(["mode", json("DISTRIBUTED")], ["executionType", json(config.executionType)]);
  else if (config?.mode === "INLINE" && !config.executionType) entries.push(["mode", json("INLINE")]);
  distributed(entries, node.itemReader, node.itemBatcher, node.resultWriter, ctx);
  if (node.itemProcessor.field === "Iterator" || node.parameters !== undefined) entries.push(["legacy", json(true)]);
  entries.push(["process", ctx.graph(node.itemProcessor)]);
  return object(entries);
}

export function mapCode(node: MapNode, ctx: StepContext): Code {
  let step = headMethods(dslCall(ctx, "map", [json(node.name), mapOptions(node, ctx)]), node);
  step = pathMethod(step, node, "inputPath", true, ctx);
  step = resultMethods(step, node, ctx);
  step = pathMethod(step, node, "outputPath", true);
  step = outputAndAssign(step, node, ctx);
  return errorMethods(step, node, ctx);
}
