/**
 * A Distributed Map over a CSV file in S3: each row of the day's orders export is loaded by a child
 * execution of its own, a few bad rows are tolerated, and the results are written back to S3.
 * Run it locally (each row's LoadRow answered by the mock, the results written under results/):
 * `npx stepwright run examples/csv-import.ts --input '{"runId":"r-1"}' --object s3://orders-exports/daily/orders.csv=@examples/data/orders.csv --mock 'LoadRow={"orderId":"o","cents":1}' --results results`
 */
import { lambda, map, pass, task, workflow } from "stepwright";

/** A row as the CSV reader gives it: every field a string, named by the header row. */
export interface OrderRow {
  orderId: string;
  customer: string;
  amount: string;
}

export const loadRow = task("LoadRow", lambda<OrderRow, { orderId: string; cents: number }>("load-order-row")).retry({
  errors: ["Lambda.TooManyRequestsException"],
  intervalSeconds: 1,
  maxAttempts: 4,
  backoffRate: 2,
  maxDelaySeconds: 10,
  jitter: "FULL",
});

export const importRows = map("ImportRows", {
  mode: "DISTRIBUTED",
  executionType: "EXPRESS",
  label: "ImportRows",
  itemReader: {
    action: "getObject",
    parameters: { Bucket: "orders-exports", Key: "daily/orders.csv" },
    readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW" },
  },
  maxConcurrency: 50,
  toleratedFailurePercentage: 25,
  resultWriter: { parameters: { Bucket: "orders-imports", Prefix: "results" } },
})
  .process(loadRow)
  .resultPath("$.import");

export const csvImport = workflow("csv-import", {
  comment: "Load the day's orders export, one child execution per row",
  definition: pass<{ runId: string }>("Start").next(importRows),
});
