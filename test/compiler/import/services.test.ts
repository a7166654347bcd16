/**
 * Which typed helper `stepwright import` writes for a service integration, and that the module it
 * writes passes strict `tsc` (noUncheckedIndexedAccess included) and `stepwright check` with
 * nothing reported, and builds back to the very definition.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "../../../compiler/index.ts";
import { importModule } from "../../../compiler/import/module.ts";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";

const arn = (service: string) => `arn:aws:states:::${service}`;
const task = (Resource: string, Parameters: object, more: object = {}) => ({ Type: "Task", Resource, Parameters, ...more });

// Each definition, and what its module must write.
const cases: Record<string, { definition: object; writes: readonly string[]; keeps?: readonly string[] }> = {
  getItemRead: {
    definition: {
      StartAt: "Load",
      States: {
        Load: task(
          arn("dynamodb:getItem"),
          { TableName: "Jobs", Key: { pk: { "S.$": "$.jobId" } } },
          { ResultPath: "$.job", Next: "Done?" },
        ),
        "Done?": {
          Type: "Choice",
          Choices: [
            { Variable: "$.job.Item.status.S", StringEquals: "DONE", Next: "Ok" },
            { Variable: "$.job.SdkHttpMetadata.HttpStatusCode", NumericEquals: 500, Next: "Ok" },
          ],
          Default: "Ok",
        },
        Ok: { Type: "Succeed" },
      },
    },
    // The item typed from what the definition reads of it; the HTTP metadata by the helper's own result type.
    // The Choice reads the item with no test that it was found: the module says it assumes it (SW2020 warns).
    writes: [
      'dynamodb.getItem<LoadItem>("Jobs", { assumeFound: true })',
      "interface LoadItem {",
      "status: { S: unknown }",
      "Key: { pk: { S: $.jobId } }",
    ],
    keeps: ["LoadResult"],
  },
  getItemGuarded: {
    definition: {
      StartAt: "Load",
      States: {
        Load: task(
          arn("dynamodb:getItem"),
          { TableName: "Jobs", Key: { pk: { "S.$": "$.jobId" } } },
          { ResultPath: "$.job", Next: "Done?" },
        ),
        "Done?": {
          Type: "Choice",
          Choices: [
            {
              And: [
                { Variable: "$.job.Item", IsPresent: true },
                { Variable: "$.job.Item.status.S", StringEquals: "DONE" },
              ],
              Next: "Ok",
            },
          ],
          Default: "Ok",
        },
        Ok: { Type: "Succeed" },
      },
    },
    // The item is read only where an IsPresent of the same And found it: nothing is assumed, and the
    // Choice declares what it tests as what may be absent.
    writes: [
      'dynamodb.getItem<LoadItem>("Jobs")',
      'choice<{ job?: unknown }>("Done?")',
      'and($.job.Item.isPresent(), $.job.Item.status.S.eq("DONE"))',
    ],
    keeps: ["assumeFound"],
  },
  putItemIntrinsic: {
    definition: {
      StartAt: "Save",
      States: {
        Save: task(
          arn("dynamodb:putItem"),
          {
            TableName: "Runs",
            Item: { id: { "S.$": "$$.Execution.Id" }, n: { "N.$": "States.Format('{}',$.count)" } },
            ReturnConsumedCapacity: "TOTAL",
          },
          { End: true },
        ),
      },
    },
    // An intrinsic the States.* helpers would space otherwise: written as it is.
    writes: ['dynamodb.putItem("Runs")', "n: { N: intrinsic(\"States.Format('{}',$.count)\") }", 'ReturnConsumedCapacity: "TOTAL"'],
  },
  updateItem: {
    definition: {
      StartAt: "Bump",
      States: {
        Bump: task(
          arn("dynamodb:updateItem"),
          {
            TableName: "Counters",
            Key: { pk: { S: "total" } },
            UpdateExpression: "ADD n :one",
            ExpressionAttributeValues: { ":one": { N: "1" } },
            ReturnValues: "UPDATED_NEW",
          },
          { End: true },
        ),
      },
    },
    writes: ['dynamodb.updateItem("Counters")', 'ReturnValues: "UPDATED_NEW"'],
  },
  ecsSync: {
    definition: {
      StartAt: "Run",
      States: {
        Run: task(
          `${arn("ecs:runTask")}.sync`,
          {
            Cluster: "jobs",
            TaskDefinition: "report:3",
            LaunchType: "FARGATE",
            EnableExecuteCommand: true,
            Overrides: { ContainerOverrides: [{ Name: "app", "Command.$": "$.command" }] },
          },
          { End: true },
        ),
      },
    },
    // The literal fields are the helper's request; what reads the input is built.
    writes: [
      'ecs.runTask({ Cluster: "jobs", TaskDefinition: "report:3", LaunchType: "FARGATE", EnableExecuteCommand: true }).sync()',
      'Overrides: { ContainerOverrides: [{ Name: "app", Command: $.command }] }',
    ],
  },
  batchSync: {
    definition: {
      StartAt: "Submit",
      States: {
        Submit: task(
          `${arn("batch:submitJob")}.sync`,
          {
            JobName: "render",
            JobQueue: "queue",
            JobDefinition: "render:1",
            "Parameters.$": "$.parameters",
            RetryStrategy: { Attempts: 2 },
          },
          { End: true },
        ),
      },
    },
    writes: [
      'batch.submitJob({ JobName: "render", JobQueue: "queue", JobDefinition: "render:1", RetryStrategy: { Attempts: 2 } }).sync()',
      "Parameters: $.parameters",
    ],
  },
  batchDynamicName: {
    definition: {
      StartAt: "Submit",
      States: {
        Submit: task(arn("batch:submitJob"), { "JobName.$": "$.name", JobQueue: "queue", JobDefinition: "render:1" }, { End: true }),
      },
    },
    // A field AWS requires, read from the input: the helper takes it as written, so the Resource stays.
    writes: ['resource("arn:aws:states:::batch:submitJob")'],
    keeps: ["batch.submitJob"],
  },
  // A Distributed Map's batch size read from the input: an option of map(), not an .asl() patch.
  batchSizeFromInput: {
    definition: {
      StartAt: "Batches",
      States: {
        Batches: {
          Type: "Map",
          ItemsPath: "$.ids",
          ItemProcessor: {
            ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
            StartAt: "Batch",
            States: { Batch: { Type: "Pass", End: true } },
          },
          ItemBatcher: { MaxItemsPerBatchPath: "$.size", MaxInputBytesPerBatch: 262144 },
          End: true,
        },
      },
    },
    writes: ['itemBatcher: { maxItemsPerBatch: "$.size", maxInputBytesPerBatch: 262144 }'],
    keeps: [".asl("],
  },
  glue: {
    definition: {
      StartAt: "Transform",
      States: {
        Transform: task(arn("glue:startJobRun"), { JobName: "etl", WorkerType: "G.1X", "Arguments.$": "$.arguments" }, { End: true }),
      },
    },
    writes: ['glue.startJobRun("etl", { WorkerType: "G.1X" })', "Arguments: $.arguments"],
  },
};

const names = Object.keys(cases);
let texts: Record<string, string>;
let tscOutput: string;
let compiled: CompileResult;

beforeAll(async () => {
  texts = Object.fromEntries(
    names.map((name) => [name, importModule([{ name, definition: cases[name]!.definition, origin: `${name}.json` }]).text!]),
  );
  // Strict settings, as `stepwright init` writes them (noUncheckedIndexedAccess included).
  const project = tempProject(Object.fromEntries(names.map((n) => [`src/${n}.ts`, texts[n]!])), {
    compilerOptions: { noUncheckedIndexedAccess: true },
  });
  tscOutput = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(project, "tsconfig.json")], {
    encoding: "utf8",
  }).stdout;
  compiled = await compile({ cwd: project, files: names.map((n) => `src/${n}.ts`), checkOnly: true });
}, 480_000);

describe("stepwright import writes the typed helper of each service integration", () => {
  test.each(names)("%s", (name) => {
    const text = texts[name]!.replace(/\s+/g, " ")
      .replace(/\( /g, "(")
      .replace(/ \)/g, ")")
      .replace(/,\s*\)/g, ")")
      .replace(/,\s*}/g, " }");
    for (const expected of cases[name]!.writes) expect(text).toContain(expected);
    for (const absent of cases[name]!.keeps ?? []) expect(text).not.toContain(absent);
  });

  test("every module passes strict tsc and stepwright check, and builds back to its definition", () => {
    expect(tscOutput).toBe("");
    // The one assumption written is warned of, and nothing else is found.
    expect(compiled.diagnostics.map((d) => [d.code, d.severity, d.file!.replace(/.*\//, "")])).toEqual([
      ["SW2020", "warning", "getItemRead.ts"],
    ]);
    for (const name of names)
      expect(isDeepStrictEqual(compiled.workflows.find((w) => w.name === name)?.asl, cases[name]!.definition), name).toBe(true);
  });
});
