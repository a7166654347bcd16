import { describe, expect, expectTypeOf, test } from "vitest";
import { type InputOf, jsonata, lambda, map, type OutputOf, pass, type Ref, task, workflow } from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Line {
  sku: string;
  qty: number;
}
interface Order {
  id: string;
  lines: Line[];
}

const reserve = task("Reserve", lambda<Line, { sku: string; reserved: boolean }>("reserve"));

describe("a Map state", () => {
  test("runs its item processor for each item; its output is the array of item outputs", async () => {
    const each = map("ReserveEach", { items: "$.lines", maxConcurrency: 2 }).process(reserve);
    // Declared on its own, the Map's input is not known yet: the compiler checks "$.lines" where it is chained.
    expectTypeOf<InputOf<typeof each>>().toBeAny();
    expectTypeOf<OutputOf<typeof each>>().toEqualTypeOf<{ sku: string; reserved: boolean }[]>();
    const asl = aslOf(workflow("m", { definition: each }));
    expect(asl.States.ReserveEach).toEqual({
      Type: "Map",
      ItemsPath: "$.lines",
      MaxConcurrency: 2,
      ItemProcessor: {
        StartAt: "Reserve",
        States: { Reserve: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:reserve", End: true } },
      },
      End: true,
    });
    expect(validate(asl)).toEqual([]);
    const result = await run(
      asl,
      {
        id: "o",
        lines: [
          { sku: "a", qty: 1 },
          { sku: "b", qty: 0 },
        ],
      },
      { Reserve: (l) => ({ sku: l.sku, reserved: l.qty > 0 }) },
    );
    expect(result.output).toEqual([
      { sku: "a", reserved: true },
      { sku: "b", reserved: false },
    ]);
  });

  test("a selector picks the items from a declared input, and a wrong item type is a type error", () => {
    const ok = map("Each", { items: ($: Ref<Order>) => $.lines }).process(reserve);
    expectTypeOf<InputOf<typeof ok>>().toEqualTypeOf<Order>();
    // @ts-expect-error the processor needs { sku: number }, but the items are Lines
    map("Bad", { items: ($: Ref<Order>) => $.lines }).process(task("N", lambda<{ sku: number }, unknown>("n")));
    expect(aslOf(workflow("m", { definition: ok })).States.Each.ItemsPath).toBe("$.lines");
  });

  test("ItemSelector builds each item's input from the state input and the item", async () => {
    const each = map("Each", {
      items: ($: Ref<Order & { limit: number }>) => $.lines,
      itemSelector: ($, item) => ({ orderId: $.id, sku: item.value.sku, position: item.index }),
      maxConcurrency: "$.limit",
    });
    const asl = aslOf(workflow("m", { definition: each.process(pass("Echo")).resultPath("$.results") }));
    expect(asl.States.Each.ItemSelector).toEqual({
      "orderId.$": "$.id",
      "sku.$": "$$.Map.Item.Value.sku",
      "position.$": "$$.Map.Item.Index",
    });
    expect(asl.States.Each.MaxConcurrencyPath).toBe("$.limit");
  });

  test("legacy: the names ASL used before 2022, Iterator and Parameters", async () => {
    const each = map("Each", {
      items: ($: Ref<Order>) => $.lines,
      itemSelector: ($, item) => ({ orderId: $.id, sku: item.value.sku }),
      legacy: true,
      process: pass("Echo"),
    });
    const asl = aslOf(workflow("m", { definition: each }));
    expect(Object.keys(asl.States.Each).sort()).toEqual(["End", "ItemsPath", "Iterator", "Parameters", "Type"]);
    expect(asl.States.Each.Parameters).toEqual({ "orderId.$": "$.id", "sku.$": "$$.Map.Item.Value.sku" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { id: "o-1", lines: [{ sku: "a" }] })).output).toEqual([{ orderId: "o-1", sku: "a" }]);
  });

  test("ItemSelector output runs through the processor", async () => {
    const each = map("Each", {
      items: ($: Ref<Order>) => $.lines,
      itemSelector: ($, item) => ({ orderId: $.id, sku: item.value.sku, position: item.index }),
    })
      .process(pass("Echo"))
      .resultPath("$.results");
    const asl = aslOf(workflow("m", { definition: each }));
    expect(validate(asl)).toEqual([]);
    const input = {
      id: "o1",
      lines: [
        { sku: "a", qty: 1 },
        { sku: "b", qty: 2 },
      ],
    };
    expect((await run(asl, input)).output).toEqual({
      ...input,
      results: [
        { orderId: "o1", sku: "a", position: 0 },
        { orderId: "o1", sku: "b", position: 1 },
      ],
    });
  });

  test("a Distributed Map writes ItemReader, ItemBatcher, ResultWriter, tolerated failures and Label", () => {
    const each = map("Process files", {
      mode: "DISTRIBUTED",
      executionType: "EXPRESS",
      itemReader: {
        action: "getObject",
        parameters: { Bucket: "data-bucket", Key: "input/orders.csv" },
        readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW", maxItems: 1000 },
      },
      itemBatcher: { maxItemsPerBatch: 50, batchInput: { source: "orders.csv" } },
      resultWriter: {
        parameters: { Bucket: "data-bucket", Prefix: "results" },
        writerConfig: { outputType: "JSONL", transformation: "COMPACT" },
      },
      toleratedFailurePercentage: 5,
      toleratedFailureCount: 10,
      maxConcurrency: 100,
      label: "orders",
    }).process(task("Handle batch", lambda("handle-batch")));
    const asl = aslOf(workflow("m", { definition: each }));
    expect(asl.States["Process files"]).toEqual({
      Type: "Map",
      MaxConcurrency: 100,
      ToleratedFailurePercentage: 5,
      ToleratedFailureCount: 10,
      Label: "orders",
      ItemProcessor: {
        StartAt: "Handle batch",
        States: { "Handle batch": { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:handle-batch", End: true } },
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
      },
      ItemReader: {
        Resource: "arn:aws:states:::s3:getObject",
        Parameters: { Bucket: "data-bucket", Key: "input/orders.csv" },
        ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW", MaxItems: 1000 },
      },
      ItemBatcher: { MaxItemsPerBatch: 50, BatchInput: { source: "orders.csv" } },
      ResultWriter: {
        Resource: "arn:aws:states:::s3:putObject",
        Parameters: { Bucket: "data-bucket", Prefix: "results" },
        WriterConfig: { OutputType: "JSONL", Transformation: "COMPACT" },
      },
      End: true,
    });
    expect(validate(asl)).toEqual([]);
  });

  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html: the batch size
  // may be read from the state input (MaxItemsPerBatchPath) or, in JSONata, computed by an expression.
  test("a batch size read from the input writes MaxItemsPerBatchPath, or a JSONata expression, and batches by it", async () => {
    const options = { items: "$.ids", mode: "DISTRIBUTED", executionType: "EXPRESS" } as const;
    const byPath = map("Batches", { ...options, itemBatcher: { maxItemsPerBatch: "$.size" } }).process(pass("Batch"));
    const pathAsl = aslOf(workflow("by-path", { definition: byPath }));
    expect(pathAsl.States.Batches.ItemBatcher).toEqual({ MaxItemsPerBatchPath: "$.size" });
    const byExpression = map("Batches", { ...options, itemBatcher: { maxItemsPerBatch: jsonata<number>`$states.input.size` } }).process(
      pass("Batch"),
    );
    const jsonataAsl = aslOf(workflow("by-expression", { definition: byExpression, queryLanguage: "JSONata" }));
    expect(jsonataAsl.States.Batches.ItemBatcher).toEqual({ MaxItemsPerBatch: "{% $states.input.size %}" });
    for (const asl of [pathAsl, jsonataAsl]) {
      expect(validate(asl)).toEqual([]);
      expect((await run(asl, { ids: [1, 2, 3, 4, 5], size: 2 })).output).toEqual([{ Items: [1, 2] }, { Items: [3, 4] }, { Items: [5] }]);
    }
  });

  test("in JSONata, the items selector becomes Items and ItemReader takes Arguments", () => {
    const inline = map("Each", { items: "$.lines" }).process(pass("P"));
    const distributed = map("Files", {
      itemReader: { action: "listObjectsV2", parameters: { Bucket: "b" } },
      mode: "DISTRIBUTED",
      executionType: "STANDARD",
    }).process(pass("Q"));
    const asl = aslOf(workflow("m", { queryLanguage: "JSONata", definition: inline.next(distributed) }));
    expect(asl.States.Each.Items).toBe("{% $states.input.lines %}");
    expect(asl.States.Files.ItemReader).toEqual({ Resource: "arn:aws:states:::s3:listObjectsV2", Arguments: { Bucket: "b" } });
    expect(validate(asl)).toEqual([]);
    // @ts-expect-error a Distributed Map needs an executionType
    map("NoType", { mode: "DISTRIBUTED" });
  });
});
