import type { ItemProcessorNode, MapNode } from "../ir/map.js";
import type { ChainData, StepDraft } from "../steps/draft.js";
import type { ItemBatcherOptions, ItemReaderOptions, ResultWriterOptions } from "../steps/map.js";
import type { SelectorDraft } from "../steps/selector.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath } from "./context.js";
import { lowerCommon, lowerResult } from "./common.js";
import { lowerGraph } from "./graph.js";

/** The options that are set: a reader's or writer's configuration as the IR holds it. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function lowerMap(draft: StepDraft, ctx: LowerContext): MapNode {
  const f = draft.fields;
  const out = lowerCommon(draft, ctx);
  const language = ctx.languageOf(draft);
  const requestKey = language === "JSONata" ? "arguments" : "parameters";

  const processor: Record<string, unknown> = { ...lowerGraph(f.processor as ChainData, ctx) };
  if (f.mode !== undefined || f.executionType !== undefined) {
    processor.processorConfig = { ...(f.mode !== undefined ? { mode: f.mode } : {}), ...(f.executionType !== undefined ? { executionType: f.executionType } : {}) };
  }
  out.itemProcessor = processor as unknown as ItemProcessorNode;

  if (f.itemsPath !== undefined) {
    // The same selector reads the items in either language.
    if (language === "JSONata") out.items = selectorJsonata(f.itemsPath as SelectorDraft);
    else out.itemsPath = selectorPath(f.itemsPath as SelectorDraft);
  }
  if (f.items !== undefined && ctx.requireLanguage(draft, "Items", "JSONata")) out.items = ctx.template(draft, "Items", f.items);
  if (f.itemSelector !== undefined) out.itemSelector = ctx.template(draft, "ItemSelector", f.itemSelector);
  for (const key of ["maxConcurrency", "toleratedFailurePercentage", "toleratedFailureCount"] as const) {
    if (f[key] !== undefined) out[key] = numberOrExpression(f[key]);
    const path = f[`${key}Path`] as SelectorDraft | undefined;
    if (path !== undefined) {
      if (language === "JSONata") out[key] = selectorJsonata(path);
      else out[`${key}Path`] = selectorPath(path);
    }
  }
  if (f.label !== undefined) out.label = f.label;

  const reader = f.itemReader as ItemReaderOptions | undefined;
  if (reader) {
    out.itemReader = {
      resource: { kind: "integration", service: "s3", action: reader.action, pattern: "requestResponse", sdk: false },
      [requestKey]: ctx.template(draft, "ItemReader parameters", reader.parameters),
      ...(reader.readerConfig ? { readerConfig: definedOnly(reader.readerConfig) } : {}),
    };
  }
  const batcher = f.itemBatcher as ItemBatcherOptions | undefined;
  if (batcher) {
    out.itemBatcher = {
      ...(batcher.maxItemsPerBatch !== undefined ? { maxItemsPerBatch: batcher.maxItemsPerBatch } : {}),
      ...(batcher.maxInputBytesPerBatch !== undefined ? { maxInputBytesPerBatch: batcher.maxInputBytesPerBatch } : {}),
      ...(batcher.batchInput !== undefined ? { batchInput: ctx.template(draft, "BatchInput", batcher.batchInput) } : {}),
    };
  }
  const writer = f.resultWriter as ResultWriterOptions | undefined;
  if (writer) {
    out.resultWriter = {
      ...(writer.parameters
        ? {
            resource: { kind: "integration", service: "s3", action: "putObject", pattern: "requestResponse", sdk: false },
            [requestKey]: ctx.template(draft, "ResultWriter parameters", writer.parameters),
          }
        : {}),
      ...(writer.writerConfig ? { writerConfig: definedOnly(writer.writerConfig) } : {}),
    };
  }
  lowerResult(draft, ctx, out);
  return out as unknown as MapNode;
}
