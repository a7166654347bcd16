/**
 * Fulfilment with a child workflow: the parent reserves stock, then runs the shipping workflow as a
 * child execution and waits for it (`.sync()`), typed by the child's own input and output. The
 * parent logs errors with execution data, is traced with X-Ray, tagged, published as a version on
 * every deploy, encrypted with a customer managed KMS key, and alarms on failures and slow runs.
 */
import { lambda, pass, stepFunctions, task, workflow } from "stepwright";

export interface Shipment {
  orderId: string;
  address: string;
}
export interface Label {
  carrier: string;
  trackingNumber: string;
}

export const printLabel = task("PrintLabel", lambda<Shipment, Label>("print-label")).resultPath("$.label");

/** The child: prints a label for one shipment. */
export const shipping = workflow("shipping", {
  comment: "Prints the label of one shipment",
  definition: printLabel.next(pass("Shipped")),
});

export const reserveStock = task("ReserveStock", lambda<Shipment, { reserved: boolean }>("reserve-stock")).resultPath("$.stock");

export const ship = task("Ship", stepFunctions.startExecution(shipping).sync())
  .parameters(($) => ({ orderId: $.orderId, address: $.address }))
  .resultSelector((r) => ({ trackingNumber: r.Output.label.trackingNumber, carrier: r.Output.label.carrier }))
  .resultPath("$.shipment");

export const fulfilment = workflow("fulfilment", {
  comment: "Reserve stock, then ship through the shipping workflow",
  definition: reserveStock.next(ship),
  logging: { level: "ERROR", includeExecutionData: true },
  tracing: true,
  tags: { team: "fulfilment", "cost-center": "42" },
  publish: true,
  encryption: { kmsKey: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", reusePeriodSeconds: 600 },
  // Failed, timed-out, throttled and aborted executions alarm (three failures in five minutes for
  // ExecutionsFailed), and so does a p99 over two minutes; the topic is made in the module.
  alarms: { topic: "create", executionsFailed: { threshold: 3 }, p99Seconds: 120 },
});
