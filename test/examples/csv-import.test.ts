import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { StepError, testWorkflow } from "stepwright/testing";
import { csvImport, loadRow, type OrderRow } from "../../examples/csv-import.ts";
import { aslOf, validate } from "../support/oracles.ts";
import { root } from "../support/compile.ts";

const orders = new URL("../../examples/data/orders.csv", import.meta.url);
const uri = "s3://orders-exports/daily/orders.csv";
/** The row's amount in cents; a row whose amount is not a number fails, as the real function would. */
const load = (row: OrderRow) => {
  const cents = Math.round(Number(row.amount) * 100);
  if (Number.isNaN(cents)) throw new StepError("Row.Invalid", `amount "${row.amount}" of ${row.orderId} is not a number`);
  return { orderId: row.orderId, cents };
};

// The documented behaviour: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html (CSV rows as
// objects of strings named by the header row), .../maprun-fail-threshold.html (ToleratedFailurePercentage),
// .../input-output-resultwriter.html (manifest.json, SUCCEEDED_0.json, FAILED_0.json under the prefix and the map run's id).
describe("example: CSV import with a Distributed Map", () => {
  test("is valid ASL: a Distributed Map reading a CSV object and writing its results", () => {
    const asl = aslOf(csvImport);
    expect(validate(asl)).toEqual([]);
    expect(asl.States.ImportRows.ItemReader.ReaderConfig).toEqual({ InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" });
  });

  test("each row is loaded by its own child execution; one bad row in four is tolerated, and the results are written", async () => {
    const results = mkdtempSync(join(tmpdir(), "sw-csv-import-"));
    const run = await testWorkflow(csvImport).mock(loadRow, load).object(uri, orders).results(results).run({ runId: "r-1" });
    expect(run.error).toBeUndefined();
    const where = {
      MapRunArn: "arn:aws:states:us-east-1:000000000000:mapRun:csv-import/ImportRows:local-1",
      ResultWriterDetails: { Bucket: "orders-imports", Key: "results/local-1/manifest.json" },
    };
    expect(run.output).toEqual({ runId: "r-1", import: where });
    const file = (name: string) => JSON.parse(readFileSync(join(results, "orders-imports", "results", "local-1", name), "utf8")) as any;
    expect(file("SUCCEEDED_0.json").map((r: { Output: string }) => JSON.parse(r.Output))).toEqual([
      { orderId: "o-1", cents: 1250 },
      { orderId: "o-2", cents: 700 },
      { orderId: "o-4", cents: 3025 },
    ]);
    expect(file("FAILED_0.json")).toEqual([
      expect.objectContaining({
        Status: "FAILED",
        Error: "Row.Invalid",
        Input: JSON.stringify({ orderId: "o-3", customer: "cy", amount: "not-a-number" }),
      }),
    ]);
    expect(file("manifest.json").ResultFiles.SUCCEEDED).toEqual([{ Key: "results/local-1/SUCCEEDED_0.json", Size: expect.any(Number) }]);
  });

  test("more bad rows than the Map tolerates fail it", async () => {
    const run = await testWorkflow(csvImport)
      .mock(loadRow, load)
      .object(uri, "orderId,customer,amount\no-1,a,x\no-2,b,y\no-3,c,1\n")
      .run({ runId: "r-2" });
    expect(run.error?.error).toBe("States.ExceedToleratedFailureThreshold");
  });

  test("the command in the example's comment runs it: the output says where the results are, and they are there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-csv-cli-"));
    const source = readFileSync(join(root, "examples/csv-import.ts"), "utf8");
    const command = /`npx stepwright run (.*)`/.exec(source)![1]!;
    expect(command).toBe(
      `examples/csv-import.ts --input '{"runId":"r-1"}' --object s3://orders-exports/daily/orders.csv=@examples/data/orders.csv --mock 'LoadRow={"orderId":"o","cents":1}' --results results`,
    );
    const args = [
      "run",
      "examples/csv-import.ts",
      "--input",
      '{"runId":"r-1"}',
      "--object",
      `${uri}=@examples/data/orders.csv`,
      "--mock",
      'LoadRow={"orderId":"o","cents":1}',
      "--results",
      join(dir, "results"),
    ];
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), ...args], { cwd: root });
    expect(JSON.parse(stdout).import.ResultWriterDetails).toEqual({ Bucket: "orders-imports", Key: "results/local-1/manifest.json" });
    expect(JSON.parse(readFileSync(join(dir, "results/orders-imports/results/local-1/SUCCEEDED_0.json"), "utf8"))).toHaveLength(4);
  }, 240_000);
});
