/**
 * Each example tested the way a user tests a workflow: `testWorkflow(...)`, mocks typed by the
 * steps they stand in for, assertions on the output and the path taken.
 */
import { describe, expect, test } from "vitest";
import { testWorkflow } from "stepwright/testing";
import { approval, pay, requestApproval } from "../../examples/approval.ts";
import { batchJob, checkExport, type ExportStatus, runReport, startExport } from "../../examples/batch-job.ts";
import { assignRep, chainedLambdas, enrich, recordFailure, score } from "../../examples/chained-lambdas.ts";
import { etlPipeline, extract, recordRun } from "../../examples/etl-pipeline.ts";
import { express, jsonataOrders, standard } from "../../examples/jsonata-orders.ts";
import { chargeCard, notifyCustomer, orderProcessing, shipOrder, validateOrder } from "../../examples/order-processing.ts";

describe("order processing", () => {
  const order = { orderId: "o-1", customerEmail: "ann@example.com", items: [{ sku: "A", quantity: 2 }], total: 40 };
  const happy = testWorkflow(orderProcessing)
    .mock(validateOrder, () => ({ valid: true }))
    .mock(chargeCard, (o) => ({ chargeId: `ch-${o.orderId}` }))
    .mock(shipOrder, (o) => ({ trackingNumber: `T-${o.payment.chargeId}` }))
    .mock(notifyCustomer, () => ({ MessageId: "m-1" }));

  test("a valid order is charged, shipped and the customer told", async () => {
    const run = await happy.run(order);
    expect(run.succeeded).toBe(true);
    expect(run.output).toMatchObject({ payment: { chargeId: "ch-o-1" }, shipment: { trackingNumber: "T-ch-o-1" } });
    expect(run.path).toEqual(["ValidateOrder", "IsOrderValid", "ChargeCard", "ShipOrder", "NotifyCustomer", "OrderComplete"]);
  });

  test("a throttled charge is retried; a declined card is caught and fails the order", async () => {
    let calls = 0;
    const retried = await happy
      .mock(chargeCard, () => {
        if (calls++ < 2) throw Object.assign(new Error("slow down"), { name: "Lambda.TooManyRequestsException" });
        return { chargeId: "ch-late" };
      })
      .run(order);
    expect(retried.retries("ChargeCard")).toBe(2);
    expect(retried.succeeded).toBe(true);
    const declined = await happy
      .mock(chargeCard, () => Promise.reject(Object.assign(new Error("no funds"), { name: "PaymentDeclined" })))
      .run(order);
    expect(declined.caught).toEqual(["ChargeCard"]);
    expect(declined.error).toEqual({ error: "PaymentDeclined", cause: "The card was declined" });
  });
});

describe("approval workflow", () => {
  const claim = { claimId: "c1", employee: "ann", amount: 900, approverEmail: "boss@example.com" };
  test("a large claim waits for the approver, then is paid", async () => {
    const run = await testWorkflow(approval)
      .mock(requestApproval, () => ({ approved: true }))
      .mock(pay, () => ({ paymentId: "p1" }))
      .run(claim);
    expect(run.path).toEqual(["NeedsApproval", "RequestApproval", "IsApproved", "PayClaim", "Paid"]);
  });
});

describe("batch job control", () => {
  test("runs the container, then polls the export until it is ready (Wait states do not wait)", async () => {
    const statuses: ExportStatus["status"][] = ["PENDING", "READY"];
    const run = await testWorkflow(batchJob)
      .mock(runReport, () => ({ Containers: [{ Name: "report", ExitCode: 0 }], LastStatus: "STOPPED" }) as never)
      .mock(startExport, () => ({ exportId: "x1", status: "PENDING" }))
      .mock(checkExport, (s) => ({ ...s, status: statuses.shift()! }))
      .run({ reportId: "rep-1", month: "2024-04" });
    expect(run.error).toBeUndefined();
    expect(run.path.filter((s) => s === "WaitForExport")).toHaveLength(2);
    expect(run.output).toEqual({ exportId: "x1", status: "READY" });
  });
});

describe("chained Lambdas", () => {
  const signUp = { userId: "u1", email: "u1@example.com", company: "Acme" };
  test("a failure in scoring is caught and recorded", async () => {
    let recorded: unknown;
    const run = await testWorkflow(chainedLambdas)
      .mock(enrich, () => ({ Payload: { ...signUp, employees: 120 }, StatusCode: 200, ExecutedVersion: "$LATEST" }) as never)
      .mock(score, () => {
        throw Object.assign(new Error("down"), { name: "ScoringDown" });
      })
      .mock(recordFailure, (r) => ((recorded = r), {}))
      .mock(assignRep, () => ({ rep: "never" }))
      .run(signUp as never);
    expect(run.caught).toEqual(["Score"]);
    expect(recorded).toMatchObject({ userId: "u1", failure: { Error: "ScoringDown" } });
  });
});

describe("ETL pipeline", () => {
  test("runs a Glue job per source in a Map, loads in Parallel and records the run", async () => {
    const run = await testWorkflow(etlPipeline)
      .mock(extract, (req) => ({ Id: `jr-${req.Arguments?.["--table"]}`, JobRunState: "SUCCEEDED" }) as never)
      .mock("LoadWarehouse", () => ({ Id: "jr-load", JobRunState: "SUCCEEDED" }))
      .mock("RefreshSearchIndex", () => ({ documents: 3 }))
      .mock(recordRun, () => ({}))
      .run({ runId: "r-1", date: "2024-05-01", sources: [{ table: "orders", partition: "p1" }] });
    expect(run.error).toBeUndefined();
    expect(run.path).toEqual(
      expect.arrayContaining(["ExtractSources", "ExtractTable", "LoadTargets", "LoadWarehouse", "RefreshSearchIndex", "RecordRun"]),
    );
  });
});

describe("JSONata workflow", () => {
  const cart = {
    cartId: "k1",
    customerId: "cu1",
    lines: [
      { sku: "a", price: 30, quantity: 2 },
      { sku: "b", price: 45, quantity: 1 },
    ],
  };
  const ship = (eta: string) => () => ({ Payload: { eta }, StatusCode: 200 }) as never;

  test("prices the cart, saves it from the variables it assigned, and ships express at 100 or more", async () => {
    let saved: unknown;
    const run = await testWorkflow(jsonataOrders)
      .mock("SaveOrder", (request) => ((saved = request), {}))
      .mock(express, ship("tomorrow"))
      .mock(standard, ship("next week"))
      .run(cart);
    expect(run.error).toBeUndefined();
    expect(saved).toEqual({ TableName: "orders", Item: { orderId: { S: "k1" }, customerId: { S: "cu1" }, total: { N: "105" } } });
    expect(run.output).toEqual({ eta: "tomorrow", speed: "express" });
    expect(run.variables).toEqual({ cartId: "k1", customerId: "cu1" });
    expect(run.path).toEqual(["PriceCart", "SaveOrder", "ChooseShipping", "ShipExpress", "Shipped"]);
  });

  test("a cart under 100 with few lines ships standard", async () => {
    const small = { ...cart, lines: [{ sku: "a", price: 10, quantity: 1 }] };
    const run = await testWorkflow(jsonataOrders)
      .mock("SaveOrder", () => ({}))
      .mock(express, ship("tomorrow"))
      .mock(standard, ship("next week"))
      .run(small);
    expect(run.output).toEqual({ eta: "next week", speed: "standard" });
  });
});
