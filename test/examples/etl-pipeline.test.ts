import { describe, expect, test } from "vitest";
import { etlPipeline } from "../../examples/etl-pipeline.ts";
import { aslOf, run, validate } from "../support/oracles.ts";
import { exampleInputs } from "../support/example-inputs.ts";

const asl = aslOf(etlPipeline);
const input = exampleInputs["etl-pipeline"];

describe("example: ETL pipeline", () => {
  test("is valid ASL with a Map of Glue jobs and a Parallel load", () => {
    expect(validate(asl)).toEqual([]);
    expect(asl.States.ExtractSources.ItemProcessor.States.ExtractTable.Resource).toBe("arn:aws:states:::glue:startJobRun.sync");
    expect(asl.States.LoadTargets.Branches).toHaveLength(2);
  });

  test("extracts each source, loads both targets and records the run", async () => {
    const extracted: unknown[] = [];
    let recorded: unknown;
    const result = await run(asl, input, {
      ExtractTable: (req) => (extracted.push(req), { Id: `jr-${req.Arguments["--table"]}`, JobRunState: "SUCCEEDED" }),
      LoadWarehouse: () => ({ Id: "jr-load", JobRunState: "SUCCEEDED" }),
      RefreshSearchIndex: () => ({ documents: 12 }),
      RecordRun: (req) => ((recorded = req), {}),
    });
    expect(extracted).toEqual([
      { JobName: "extract-table", Arguments: { "--table": "orders", "--partition": "p1", "--date": "2024-05-01" } },
      { JobName: "extract-table", Arguments: { "--table": "customers", "--partition": "p2", "--date": "2024-05-01" } },
    ]);
    expect(result.output).toEqual({
      ...input,
      extracted: [
        { jobRunId: "jr-orders", state: "SUCCEEDED" },
        { jobRunId: "jr-customers", state: "SUCCEEDED" },
      ],
      loaded: { warehouseState: "SUCCEEDED", documents: 12 },
    });
    expect(recorded).toEqual({
      TableName: "etl-runs",
      Item: { runId: { S: "r-9" }, date: { S: "2024-05-01" }, status: { S: "SUCCEEDED" } },
    });
  });
});
