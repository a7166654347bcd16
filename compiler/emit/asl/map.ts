import type { MapNode } from "../../../src/ir/index.js";
import {
  copyFields,
  itemBatcherFields,
  itemReaderFields,
  mapFields,
  openObjectToAsl,
  processorConfigFields,
  readerConfigFields,
  resultWriterFields,
  writerConfigFields,
} from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { emitGraph } from "./graph.js";
import { resourceArn } from "./resource.js";

export function emitMap(node: MapNode, options: AslEmitOptions): AslObject {
  return emitState(node, mapFields, (out) => {
    const { itemProcessor } = node;
    const processor = emitGraph(itemProcessor, options);
    if (itemProcessor.processorConfig) {
      const config: AslObject = {};
      copyFields(itemProcessor.processorConfig, config, processorConfigFields, "toAsl");
      processor.ProcessorConfig = config;
    }
    out[itemProcessor.field ?? "ItemProcessor"] = processor;
    if (node.itemReader) {
      const reader: AslObject = { Resource: resourceArn(node.itemReader.resource, options) };
      copyFields(node.itemReader, reader, itemReaderFields, "toAsl");
      if (node.itemReader.readerConfig) reader.ReaderConfig = openObjectToAsl(node.itemReader.readerConfig, readerConfigFields);
      out.ItemReader = reader;
    }
    if (node.itemBatcher) {
      const batcher: AslObject = {};
      copyFields(node.itemBatcher, batcher, itemBatcherFields, "toAsl");
      out.ItemBatcher = batcher;
    }
    if (node.resultWriter) {
      const writer: AslObject = {};
      if (node.resultWriter.resource) writer.Resource = resourceArn(node.resultWriter.resource, options);
      copyFields(node.resultWriter, writer, resultWriterFields, "toAsl");
      if (node.resultWriter.writerConfig) writer.WriterConfig = openObjectToAsl(node.resultWriter.writerConfig, writerConfigFields);
      out.ResultWriter = writer;
    }
  });
}
