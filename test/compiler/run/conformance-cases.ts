/**
 * Small definitions, each with the output AWS documents for it (the page is named): what the local
 * engine must do for each JSONata feature, variable rule, intrinsic, error-handling rule and
 * Distributed Map option. Mocks and objects are written so `stepwright run` takes them too.
 */
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";

const parquet = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      { name: "sku", data: ["a", "b"], type: "STRING" },
      { name: "qty", data: [1, 2], type: "INT32" },
    ],
  }),
);
const inventory = {
  sourceBucket: "data",
  destinationBucket: "arn:aws:s3:::inventory",
  fileFormat: "CSV",
  fileSchema: "Bucket, Key, Size",
  files: [{ key: "data/inventory/part-1.csv.gz", size: 60, MD5checksum: "0" }],
};

const jsonataPage = "https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html";
const variablesPage = "https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html";
const intrinsicsPage = "https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html";
const errorsPage = "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html";
const readerPage = "https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html";
const batcherPage = "https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html";
const writerPage = "https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html";
const thresholdPage = "https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html";
const parallelPage = "https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html";

export interface ConformanceCase {
  readonly name: string;
  readonly doc: string;
  readonly asl: Record<string, unknown>;
  readonly input: unknown;
  /** By state: the answers in turn (a JSON value, or `"!Error.Name:cause"` to fail). */
  readonly mocks?: Readonly<Record<string, readonly unknown[]>>;
  /** S3 objects by URI: text, or bytes. */
  readonly objects?: Readonly<Record<string, string | Uint8Array>>;
  readonly output?: unknown;
  readonly error?: string;
  /** What else holds of the run: top-level variables, files written. */
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly written?: Readonly<Record<string, unknown>>;
}

const jsonata = (states: Record<string, unknown>, startAt = Object.keys(states)[0]!) => ({
  QueryLanguage: "JSONata",
  StartAt: startAt,
  States: states,
});
const jsonPath = (states: Record<string, unknown>, startAt = Object.keys(states)[0]!) => ({ StartAt: startAt, States: states });
const distributed = (states: Record<string, unknown>) => ({
  ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
  StartAt: Object.keys(states)[0]!,
  States: states,
});

export const cases: readonly ConformanceCase[] = [
  // JSONata
  {
    name: "JSONata: Output evaluates {% %} expressions against $states.input",
    doc: jsonataPage,
    asl: jsonata({
      P: {
        Type: "Pass",
        Output: { total: "{% $sum($states.input.lines.(price * qty)) %}", first: "{% $states.input.lines[0].sku %}", kept: "text" },
        End: true,
      },
    }),
    input: {
      lines: [
        { sku: "a", price: 2, qty: 3 },
        { sku: "b", price: 5, qty: 1 },
      ],
    },
    output: { total: 11, first: "a", kept: "text" },
  },
  {
    name: "JSONata: a Task's Arguments go to the service, its Output reads $states.result",
    doc: jsonataPage,
    asl: jsonata({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: { FunctionName: "f", Payload: { id: "{% $states.input.id %}" } },
        Output: "{% $states.result.Payload %}",
        End: true,
      },
    }),
    input: { id: "o-1" },
    mocks: { T: [{ Payload: { charged: true }, StatusCode: 200 }] },
    output: { charged: true },
  },
  {
    name: "JSONata: without Output a Task's output is its result; $states.context names the state",
    doc: jsonataPage,
    asl: jsonata({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage",
        Arguments: { QueueUrl: "q", MessageBody: "{% $states.context.State.Name %}" },
        Next: "P",
      },
      P: { Type: "Pass", End: true },
    }),
    input: {},
    mocks: { T: [{ MessageId: "m-1" }] },
    output: { MessageId: "m-1" },
  },
  {
    name: "JSONata: AWS's own functions $partition, $range, $hash, $parse, $uuid, $random",
    doc: jsonataPage,
    asl: jsonata({
      P: {
        Type: "Pass",
        Output: {
          partition: "{% $partition() %}",
          range: "{% $range(0, 10, 5) %}",
          hash: "{% $hash('input data', 'SHA-1') %}",
          parsed: "{% $parse('{\"a\":1}') %}",
          uuid: "{% $length($uuid()) %}",
          random: "{% $random() >= 0 and $random() < 1 %}",
          seeded: "{% $random(7) = $random(7) %}",
        },
        End: true,
      },
    }),
    input: {},
    output: {
      partition: "aws",
      range: [0, 5, 10],
      hash: "aaff4a450a104cd177d28d18d74485e8cae074b7",
      parsed: { a: 1 },
      uuid: 36,
      random: true,
      seeded: true,
    },
  },
  {
    name: "JSONata: a Choice Condition picks the rule, Default the rest",
    doc: jsonataPage,
    asl: jsonata({
      C: { Type: "Choice", Choices: [{ Condition: "{% $states.input.total >= 100 %}", Next: "Big" }], Default: "Small" },
      Big: { Type: "Pass", Output: "big", End: true },
      Small: { Type: "Pass", Output: "small", End: true },
    }),
    input: { total: 120 },
    output: "big",
  },
  {
    name: "JSONata: a Catch's Output reads $states.errorOutput",
    doc: jsonataPage,
    asl: jsonata({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: { FunctionName: "f" },
        Catch: [
          {
            ErrorEquals: ["States.ALL"],
            Output: { failed: "{% $states.errorOutput.Error %}", why: "{% $states.errorOutput.Cause %}" },
            Next: "Done",
          },
        ],
        End: true,
      },
      Done: { Type: "Succeed" },
    }),
    input: {},
    mocks: { T: ["!Payments.Declined:card expired"] },
    output: { failed: "Payments.Declined", why: "card expired" },
  },
  {
    name: "JSONata: an Output that gives nothing fails with States.QueryEvaluationError",
    doc: jsonataPage,
    asl: jsonata({ P: { Type: "Pass", Output: "{% $states.input.missing %}", End: true } }),
    input: {},
    error: "States.QueryEvaluationError",
  },
  {
    name: "JSONata: Map Items and ItemSelector with $states.context.Map.Item",
    doc: jsonataPage,
    asl: jsonata({
      M: {
        Type: "Map",
        Items: "{% $states.input.orders %}",
        ItemSelector: { id: "{% $states.context.Map.Item.Value.id %}", at: "{% $states.context.Map.Item.Index %}" },
        ItemProcessor: {
          StartAt: "Each",
          States: { Each: { Type: "Pass", Output: "{% $states.input.id & '@' & $states.input.at %}", End: true } },
        },
        End: true,
      },
    }),
    input: { orders: [{ id: "a" }, { id: "b" }] },
    output: ["a@0", "b@1"],
  },
  // Variables
  {
    name: "variables: assigned by one state, read by later ones (JSONata $name)",
    doc: variablesPage,
    asl: jsonata({
      A: { Type: "Pass", Assign: { customer: "{% $states.input.customer %}", count: 1 }, Next: "B" },
      B: { Type: "Pass", Output: { who: "{% $customer %}", n: "{% $count + 1 %}" }, End: true },
    }),
    input: { customer: "ann" },
    output: { who: "ann", n: 2 },
    variables: { customer: "ann", count: 1 },
  },
  {
    name: "variables: in JSONPath, $name and $name.field read them in Parameters",
    doc: variablesPage,
    asl: jsonPath({
      A: { Type: "Pass", Assign: { order: { "id.$": "$.id" }, limit: 5 }, Next: "B" },
      B: { Type: "Pass", Parameters: { "id.$": "$order.id", "limit.$": "$limit" }, End: true },
    }),
    input: { id: "o-9" },
    output: { id: "o-9", limit: 5 },
  },
  {
    name: "variables: a state's expressions read the values it entered with; its Assign takes effect as it ends",
    doc: variablesPage,
    asl: jsonata({
      A: { Type: "Pass", Assign: { x: 1 }, Next: "B" },
      B: { Type: "Pass", Assign: { x: 2, before: "{% $x %}" }, Output: { seen: "{% $x %}" }, Next: "C" },
      C: { Type: "Pass", Output: { x: "{% $x %}", before: "{% $before %}", seen: "{% $states.input.seen %}" }, End: true },
    }),
    input: {},
    output: { x: 2, before: 1, seen: 1 },
  },
  {
    name: "variables: Map iterations and Parallel branches read the variables outside them",
    doc: variablesPage,
    asl: jsonata({
      A: { Type: "Pass", Assign: { rate: 2 }, Next: "M" },
      M: {
        Type: "Map",
        Items: [1, 2],
        ItemProcessor: { StartAt: "X", States: { X: { Type: "Pass", Output: "{% $states.input * $rate %}", End: true } } },
        Next: "P",
      },
      P: {
        Type: "Parallel",
        Branches: [{ StartAt: "Y", States: { Y: { Type: "Pass", Output: "{% $rate %}", End: true } } }],
        Output: { doubled: "{% $states.input %}", branch: "{% $states.result[0] %}" },
        End: true,
      },
    }),
    input: {},
    output: { doubled: [2, 4], branch: 2 },
  },
  {
    name: "variables: what a Map iteration assigns stays in the iteration",
    doc: variablesPage,
    asl: jsonata({
      A: { Type: "Pass", Assign: { label: "outer" }, Next: "M" },
      M: {
        Type: "Map",
        Items: [1],
        ItemProcessor: { StartAt: "X", States: { X: { Type: "Pass", Assign: { inner: "set" }, Output: "{% $label %}", End: true } } },
        Next: "B",
      },
      B: { Type: "Pass", Output: { label: "{% $label %}", inner: "{% $exists($inner) %}" }, End: true },
    }),
    input: {},
    output: { label: "outer", inner: false },
  },
  {
    name: "variables: a Distributed Map's child executions do not see the parent's variables",
    doc: variablesPage,
    asl: jsonata({
      A: { Type: "Pass", Assign: { secret: "parent" }, Next: "M" },
      M: {
        Type: "Map",
        Items: [1],
        ItemProcessor: distributed({ X: { Type: "Pass", Output: { seen: "{% $exists($secret) %}" }, End: true } }),
        End: true,
      },
    }),
    input: {},
    output: [{ seen: false }],
  },
  {
    name: "variables: a Catch's Assign reads the error output",
    doc: variablesPage,
    asl: jsonata({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: { FunctionName: "f" },
        Catch: [{ ErrorEquals: ["States.ALL"], Assign: { lastError: "{% $states.errorOutput.Error %}" }, Next: "D" }],
        End: true,
      },
      D: { Type: "Pass", Output: "{% $lastError %}", End: true },
    }),
    input: {},
    mocks: { T: ["!Boom:it broke"] },
    output: "Boom",
  },
  // Intrinsics
  {
    name: "intrinsics: every function of the page, on its documented examples",
    doc: intrinsicsPage,
    asl: jsonPath({
      P: {
        Type: "Pass",
        Parameters: {
          "format.$": "States.Format('Hello, my name is {}.', $.name)",
          "escaped.$": "States.Format('\\{\\} and {}', $.name)",
          "parsed.$": "States.StringToJson($.someString)",
          "text.$": "States.JsonToString($.foo)",
          "array.$": "States.Array('Foo', 2020, $.foo, null)",
          "partitioned.$": "States.ArrayPartition($.inputArray, 4)",
          "contains.$": "States.ArrayContains($.inputArray, $.lookingFor)",
          "range.$": "States.ArrayRange(1, 9, 2)",
          "item.$": "States.ArrayGetItem($.inputArray, $.index)",
          "length.$": "States.ArrayLength($.inputArray)",
          "unique.$": "States.ArrayUnique($.duplicates)",
          "encoded.$": "States.Base64Encode($.plain)",
          "decoded.$": "States.Base64Decode($.base64)",
          "hash.$": "States.Hash($.data, 'SHA-1')",
          "merged.$": "States.JsonMerge($.json1, $.json2, false)",
          "sum.$": "States.MathAdd($.value1, $.step)",
          "split.$": "States.StringSplit($.inputString, $.splitter)",
        },
        End: true,
      },
    }),
    input: {
      name: "Arnav",
      someString: '{"number": 20}',
      foo: { bar: "baz" },
      inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      lookingFor: 5,
      index: 5,
      duplicates: [1, 2, 3, 3, 3, 3, 3, 3, 4],
      plain: "Data to encode",
      base64: "RGF0YSB0byBlbmNvZGU=",
      data: "input data",
      json1: { a: { a1: 1, a2: 2 }, b: 2 },
      json2: { a: { a3: 1, a4: 2 }, c: 3 },
      value1: 111,
      step: -1,
      inputString: "This.is+a,test=string",
      splitter: ".+,=",
    },
    output: {
      format: "Hello, my name is Arnav.",
      escaped: "{} and Arnav",
      parsed: { number: 20 },
      text: '{"bar":"baz"}',
      array: ["Foo", 2020, { bar: "baz" }, null],
      partitioned: [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
      contains: true,
      range: [1, 3, 5, 7, 9],
      item: 6,
      length: 9,
      unique: [1, 2, 3, 4],
      encoded: "RGF0YSB0byBlbmNvZGU=",
      decoded: "Data to encode",
      hash: "aaff4a450a104cd177d28d18d74485e8cae074b7",
      merged: { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
      sum: 110,
      split: ["This", "is", "a", "test", "string"],
    },
  },
  {
    name: "intrinsics: arguments that do not fit are States.IntrinsicFailure",
    doc: errorsPage,
    asl: jsonPath({ P: { Type: "Pass", Parameters: { "x.$": "States.ArrayGetItem($.list, 7)" }, End: true } }),
    input: { list: [1] },
    error: "States.IntrinsicFailure",
  },
  // Error handling
  {
    name: "Retry: MaxAttempts retries, then the Catch takes the error at its ResultPath",
    doc: errorsPage,
    asl: jsonPath({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: "f" },
        Retry: [{ ErrorEquals: ["Flaky"], MaxAttempts: 2, IntervalSeconds: 1, BackoffRate: 2, MaxDelaySeconds: 5, JitterStrategy: "FULL" }],
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "D" }],
        End: true,
      },
      D: { Type: "Pass", End: true },
    }),
    input: { id: 1 },
    mocks: { T: ["!Flaky:1", "!Flaky:2", "!Flaky:3"] },
    output: { id: 1, error: { Error: "Flaky", Cause: "3" } },
  },
  {
    name: "Retry: the call after the retries answers",
    doc: errorsPage,
    asl: jsonPath({
      T: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: "f" },
        Retry: [{ ErrorEquals: ["States.TaskFailed"] }],
        End: true,
      },
    }),
    input: {},
    mocks: { T: ["!Flaky:once", { ok: true }] },
    output: { ok: true },
  },
  {
    name: "States.ALL does not catch States.Runtime",
    doc: errorsPage,
    asl: jsonPath({
      P: {
        Type: "Parallel",
        Branches: [{ StartAt: "R", States: { R: { Type: "Pass", Parameters: { "x.$": "$.missing" }, End: true } } }],
        Catch: [{ ErrorEquals: ["States.ALL"], Next: "D" }],
        End: true,
      },
      D: { Type: "Pass", End: true },
    }),
    input: {},
    error: "States.Runtime",
  },
  {
    name: "Parallel: a failing branch fails the state while the other still waits",
    doc: parallelPage,
    asl: jsonPath({
      P: {
        Type: "Parallel",
        Branches: [
          { StartAt: "Poll", States: { Poll: { Type: "Wait", Seconds: 60, Next: "Poll" } } },
          {
            StartAt: "Timeout",
            States: { Timeout: { Type: "Wait", Seconds: 3600, Next: "Late" }, Late: { Type: "Fail", Error: "RanOutOfTime" } },
          },
        ],
        End: true,
      },
    }),
    input: {},
    error: "RanOutOfTime",
  },
  // Distributed Map
  {
    name: "ItemReader: a CSV file, its first row naming each row's fields (all strings)",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
          Parameters: { Bucket: "in", Key: "rows.csv" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/rows.csv": 'sku,qty\na,1\n"b,2",3\n' },
    output: [
      { sku: "a", qty: "1" },
      { sku: "b,2", qty: "3" },
    ],
  },
  {
    name: "ItemReader: CSV with the headers given and a semicolon between fields",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN", CSVHeaders: ["sku", "qty"], CSVDelimiter: "SEMICOLON" },
          Parameters: { Bucket: "in", Key: "rows.csv" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/rows.csv": "a;1\nb;2\n" },
    output: [
      { sku: "a", qty: "1" },
      { sku: "b", qty: "2" },
    ],
  },
  {
    name: "ItemReader: a JSON array, MaxItems taking the first ones",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "JSON", MaxItems: 2 },
          Parameters: { Bucket: "in", Key: "items.json" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/items.json": '[{"n":1},{"n":2},{"n":3}]' },
    output: [{ n: 1 }, { n: 2 }],
  },
  {
    name: "ItemReader: JSON Lines, one item per line",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "JSONL" },
          Parameters: { Bucket: "in", Key: "items.jsonl" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/items.jsonl": '{"n":1}\n{"n":2}\n' },
    output: [{ n: 1 }, { n: 2 }],
  },
  {
    name: "ItemReader: a Parquet file, a row an item",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "PARQUET" },
          Parameters: { Bucket: "in", Key: "rows.parquet" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/rows.parquet": parquet },
    output: [
      { sku: "a", qty: 1 },
      { sku: "b", qty: 2 },
    ],
  },
  {
    name: "ItemReader: an S3 inventory manifest, its gzipped CSV files' rows named by its fileSchema",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "MANIFEST" },
          Parameters: { Bucket: "inventory", Key: "data/inventory/manifest.json" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: {
      "s3://inventory/data/inventory/manifest.json": JSON.stringify(inventory),
      "s3://inventory/data/inventory/part-1.csv.gz": new Uint8Array(gzipSync('"data","logs/a.txt","1"\n"data","logs/b.txt","2"\n')),
    },
    output: [
      { Bucket: "data", Key: "logs/a.txt", Size: "1" },
      { Bucket: "data", Key: "logs/b.txt", Size: "2" },
    ],
  },
  {
    name: "ItemReader: listObjectsV2 lists the objects under a prefix, each with its Key",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: { Resource: "arn:aws:states:::s3:listObjectsV2", Parameters: { Bucket: "in", Prefix: "logs/" } },
        ItemSelector: { "key.$": "$$.Map.Item.Value.Key" },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    objects: { "s3://in/logs/a.txt": "a", "s3://in/logs/b.txt": "bb", "s3://in/other.txt": "c" },
    output: [{ key: "logs/a.txt" }, { key: "logs/b.txt" }],
  },
  {
    name: "ItemReader: an object nobody gave fails with States.ItemReaderFailed",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "JSON" },
          Parameters: { Bucket: "in", Key: "absent.json" },
        },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: {},
    error: "States.ItemReaderFailed",
  },
  {
    name: "ItemBatcher: MaxItemsPerBatch items to each child, with BatchInput",
    doc: batcherPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { "run.$": "$.run" } },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: { run: "r1", items: [1, 2, 3] },
    output: [
      { run: "r1", Items: [1, 2] },
      { run: "r1", Items: [3] },
    ],
  },
  {
    name: "ItemBatcher: each item goes through the ItemSelector first, then into batches",
    doc: batcherPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemSelector: { "n.$": "$$.Map.Item.Value" },
        ItemBatcher: { MaxItemsPerBatch: 2 },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    input: { items: [1, 2, 3] },
    output: [{ Items: [{ n: 1 }, { n: 2 }] }, { Items: [{ n: 3 }] }],
  },
  {
    name: "ItemBatcher: MaxInputBytesPerBatch closes a batch before it would pass the bytes",
    doc: batcherPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemBatcher: { MaxInputBytesPerBatch: 16 },
        ItemProcessor: distributed({ Each: { Type: "Pass", End: true } }),
        End: true,
      },
    }),
    // ["aaaa","bbbb"] is 15 bytes; with "cccc" it would be 22.
    input: { items: ["aaaa", "bbbb", "cccc"] },
    output: [{ Items: ["aaaa", "bbbb"] }, { Items: ["cccc"] }],
  },
  {
    name: "ToleratedFailureCount: failures within it are results, not the Map's failure",
    doc: thresholdPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ToleratedFailureCount: 1,
        ItemProcessor: distributed({
          C: { Type: "Choice", Choices: [{ Variable: "$", NumericEquals: 2, Next: "Bad" }], Default: "Ok" },
          Bad: { Type: "Fail", Error: "Odd", Cause: "two" },
          Ok: { Type: "Pass", End: true },
        }),
        ResultWriter: { WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } },
        Next: "Count",
      },
      Count: { Type: "Pass", Parameters: { "n.$": "States.ArrayLength($)" }, End: true },
    }),
    input: { items: [1, 2, 3] },
    output: { n: 3 },
  },
  {
    name: "ToleratedFailureCount in JSONata: an expression gives the count",
    doc: thresholdPage,
    asl: jsonata({
      M: {
        Type: "Map",
        Items: "{% $states.input.items %}",
        ToleratedFailureCount: "{% $states.input.tolerate %}",
        ItemProcessor: { ...distributed({ F: { Type: "Fail", Error: "Every", Cause: "one" } }), QueryLanguage: "JSONata" },
        Output: "{% $count($states.result) %}",
        End: true,
      },
    }),
    input: { items: [1, 2], tolerate: 2 },
    output: 2,
  },
  {
    name: "ToleratedFailurePercentage: more failures than it allows fail the Map with States.ExceedToleratedFailureThreshold",
    doc: thresholdPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ToleratedFailurePercentage: 40,
        ItemProcessor: distributed({ F: { Type: "Fail", Error: "Every", Cause: "one" } }),
        End: true,
      },
    }),
    input: { items: [1, 2] },
    error: "States.ExceedToleratedFailureThreshold",
  },
  {
    name: "ResultWriter: results written as manifest.json and SUCCEEDED_0.json, the Map's output says where",
    doc: writerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        Label: "Rows",
        ItemProcessor: distributed({ Each: { Type: "Pass", Parameters: { "doubled.$": "States.MathAdd($, $)" }, End: true } }),
        ResultWriter: {
          Resource: "arn:aws:states:::s3:putObject",
          Parameters: { Bucket: "out", Prefix: "runs" },
          WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" },
        },
        End: true,
      },
    }),
    input: { items: [1, 2] },
    output: {
      MapRunArn: "arn:aws:states:us-east-1:000000000000:mapRun:workflow/Rows:local-1",
      ResultWriterDetails: { Bucket: "out", Key: "runs/local-1/manifest.json" },
    },
    written: {
      "s3://out/runs/local-1/SUCCEEDED_0.json": [{ doubled: 2 }, { doubled: 4 }],
      "s3://out/runs/local-1/manifest.json": {
        DestinationBucket: "out",
        MapRunArn: "arn:aws:states:us-east-1:000000000000:mapRun:workflow/Rows:local-1",
        ResultFiles: { FAILED: [], PENDING: [], SUCCEEDED: [{ Key: "runs/local-1/SUCCEEDED_0.json", Size: 29 }] },
      },
    },
  },
  {
    name: "ResultWriter: WriterConfig alone shapes the output (FLATTEN flattens each child's array)",
    doc: writerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: distributed({
          Each: { Type: "Pass", Parameters: { "pair.$": "States.Array($, $)" }, OutputPath: "$.pair", End: true },
        }),
        ResultWriter: { WriterConfig: { Transformation: "FLATTEN", OutputType: "JSON" } },
        End: true,
      },
    }),
    input: { items: [1, 2] },
    output: [1, 1, 2, 2],
  },
  {
    name: "Distributed Map: each child execution has its own context object",
    doc: readerPage,
    asl: jsonPath({
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: distributed({ Each: { Type: "Pass", Parameters: { "name.$": "$$.Execution.Name" }, End: true } }),
        End: true,
      },
    }),
    input: { items: ["a", "b"] },
    output: [{ name: "local-1-0" }, { name: "local-1-1" }],
  },
];
