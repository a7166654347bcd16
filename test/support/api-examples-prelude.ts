/**
 * What the public API's `@example` code names: its types and a few steps (test/api-examples.test.ts
 * compiles every example after this, with every export of stepwright, stepwright/compiler and
 * stepwright/testing imported).
 */
import { choice, lambda, map, pass, sns, succeed, task, workflow } from "stepwright";

export interface Line {
  sku: string;
  qty: number;
}
export interface Order {
  orderId: string;
  total: number;
  email: string;
  createdAt: string;
  customer: { id: string; tier: "gold" | "standard" };
  lines: Line[];
}
export interface ChargeRequest {
  orderId: string;
  amount: number;
}
export interface Charge {
  chargeId: string;
  status: "captured" | "declined";
}
export interface Shipment {
  trackingId: string;
}

export const validate = task("Validate", lambda<Order, Order>("validate-order"));
export const charge = task("ChargeCard", lambda.invoke<ChargeRequest, Charge>("charge-card"));
export const ship = task("Ship", lambda<Order, Shipment>("ship-order"));
export const reserve = task("Reserve", lambda<Line, { reserved: boolean }>("reserve-line"));
export const notify = task("Notify", sns.publish<Order>("arn:aws:sns:us-east-1:123456789012:orders"));
export const review = pass("Review");
export const done = succeed("Done");
export const reserveAll = map("ReserveAll", { items: "$.lines" }).process(reserve);
export const route = choice<Order>("Large?")
  .when(($) => $.total.gt(1000), review)
  .otherwise(done);
export const orders = workflow("orders", { definition: validate.next(route) });
