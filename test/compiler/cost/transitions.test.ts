/**
 * The static count of state transitions against the real one: each scenario runs an example in
 * aws-local-stepfunctions with mocks that fix how often its loops go round, how many items its
 * Maps get and how many retries happen; the transitions the runner went through (each state
 * entered, Map and Parallel children included, and each retry) must equal the formula evaluated at
 * those counts.
 */
import { describe, expect, test } from "vitest";
import { testWorkflow } from "stepwright/testing";
import { evaluate, formulaText } from "../../../compiler/cost/formula.ts";
import { graphTransitions } from "../../../compiler/cost/transitions.ts";
import { batchJob, checkExport, runReport, startExport } from "../../../examples/batch-job.ts";
import { etlPipeline, extract, recordRun } from "../../../examples/etl-pipeline.ts";
import { chargeCard, notifyCustomer, orderProcessing, shipOrder, validateOrder } from "../../../examples/order-processing.ts";

const transitionsOf = (run: { path: readonly string[]; retried: readonly string[] }) => run.path.length + run.retried.length;

describe("state transitions: the formula against the local runner", () => {
  test("a polling loop: 6 + 3·loops(WaitForExport), the export ready after 0, 1 and 4 more polls", async () => {
    const { min, max, retries } = graphTransitions(batchJob.assemble().ir);
    expect(formulaText(max)).toBe("6 + 3·loops(WaitForExport)");
    expect(formulaText(min)).toBe(formulaText(max));
    expect(formulaText(retries)).toBe("3 + 3·loops(WaitForExport)");
    for (const extraPolls of [0, 1, 4]) {
      const statuses = [...Array<"RUNNING">(extraPolls).fill("RUNNING"), "READY" as const];
      const run = await testWorkflow(batchJob)
        .mock(runReport, () => ({ Containers: [{ Name: "report", ExitCode: 0 }], LastStatus: "STOPPED" }) as never)
        .mock(startExport, () => ({ exportId: "x", status: "PENDING" }))
        .mock(checkExport, (s) => ({ ...s, status: statuses.shift()! }))
        .run({ reportId: "r", month: "2024-04" });
      expect(run.succeeded).toBe(true);
      expect(transitionsOf(run)).toBe(evaluate(max, { "loops(WaitForExport)": extraPolls }));
    }
  });

  test("a Map and a Parallel: 5 + items(ExtractSources), for 1, 3 and 7 sources", async () => {
    const { max } = graphTransitions(etlPipeline.assemble().ir);
    expect(formulaText(max)).toBe("5 + items(ExtractSources)");
    for (const sources of [1, 3, 7]) {
      const run = await testWorkflow(etlPipeline)
        .mock(extract, () => ({ Id: "jr", JobRunState: "SUCCEEDED" }) as never)
        .mock("LoadWarehouse", () => ({ Id: "jr-load", JobRunState: "SUCCEEDED" }))
        .mock("RefreshSearchIndex", () => ({ documents: 3 }))
        .mock(recordRun, () => ({}))
        .run({ runId: "r", date: "2024-05-01", sources: Array.from({ length: sources }, (_, i) => ({ table: `t${i}`, partition: "p" })) });
      expect(run.succeeded).toBe(true);
      expect(transitionsOf(run)).toBe(evaluate(max, { "items(ExtractSources)": sources }));
    }
  });

  test("branches and retries: the cheapest path (an invalid order), the dearest (a valid one), and each retry one more", async () => {
    const { min, max, retries } = graphTransitions(orderProcessing.assemble().ir);
    expect([formulaText(min), formulaText(max), formulaText(retries)]).toEqual(["3", "6", "8"]);
    const order = { orderId: "o", customerEmail: "a@b", items: [{ sku: "A", quantity: 1 }], total: 1 };
    const base = testWorkflow(orderProcessing)
      .mock(shipOrder, () => ({ trackingNumber: "T" }))
      .mock(notifyCustomer, () => ({ MessageId: "m" }));
    const invalid = await base
      .mock(validateOrder, () => ({ valid: false }))
      .mock(chargeCard, () => ({ chargeId: "c" }))
      .run(order);
    expect(transitionsOf(invalid)).toBe(evaluate(min, {}));
    let calls = 0;
    const throttled = await base
      .mock(validateOrder, () => ({ valid: true }))
      .mock(chargeCard, () => {
        if (calls++ < 2) throw Object.assign(new Error("slow down"), { name: "Lambda.TooManyRequestsException" });
        return { chargeId: "c" };
      })
      .run(order);
    expect(throttled.succeeded).toBe(true);
    expect(transitionsOf(throttled)).toBe(evaluate(max, {}) + 2);
    // The worst case the formula allows is every retrier used up: never fewer than a run's own.
    expect(evaluate(max, {}) + evaluate(retries, {})).toBeGreaterThanOrEqual(transitionsOf(throttled));
  });
});
