import { describe, expect, test } from "vitest";
import { orderProcessing } from "../../examples/order-processing.ts";
import { aslOf, failing, run, validate } from "../support/oracles.ts";
import { exampleInputs } from "../support/example-inputs.ts";

const order = exampleInputs["order-processing"];
const asl = aslOf(orderProcessing);
const happy = {
  ValidateOrder: () => ({ valid: true }),
  ChargeCard: () => ({ chargeId: "ch_1" }),
  ShipOrder: () => ({ trackingNumber: "TRK1" }),
  NotifyCustomer: () => ({ MessageId: "m1" }),
};

describe("example: order processing", () => {
  test("is valid ASL", () => {
    expect(validate(asl)).toEqual([]);
    expect(asl.StartAt).toBe("ValidateOrder");
  });

  test("a valid order is charged, shipped and notified, keeping every field", async () => {
    let notification: unknown;
    const result = await run(asl, order, { ...happy, NotifyCustomer: (r) => ((notification = r), { MessageId: "m1" }) });
    expect(result.path).toEqual(["ValidateOrder", "IsOrderValid", "ChargeCard", "ShipOrder", "NotifyCustomer", "OrderComplete"]);
    expect(result.output).toEqual({
      ...order,
      validation: { valid: true },
      payment: { chargeId: "ch_1" },
      shipment: { trackingNumber: "TRK1" },
    });
    expect(notification).toEqual({
      TopicArn: "arn:aws:sns:us-east-1:123456789012:order-updates",
      Subject: "Your order has shipped",
      Message: { orderId: "o-1", email: "ann@example.com", trackingNumber: "TRK1" },
    });
  });

  test("an invalid order fails as InvalidOrder", async () => {
    const result = await run(asl, order, { ...happy, ValidateOrder: () => ({ valid: false, reason: "no stock" }) });
    expect(result.error).toEqual({ name: "InvalidOrder", cause: "The order failed validation" });
  });

  test("throttling is retried, a declined card fails as PaymentFailed", async () => {
    const retried = await run(asl, order, {
      ...happy,
      ChargeCard: failing(2, "Lambda.TooManyRequestsException", () => ({ chargeId: "ch_2" })),
    });
    expect(retried.retried).toEqual(["ChargeCard", "ChargeCard"]);
    expect(retried.output).toMatchObject({ payment: { chargeId: "ch_2" } });
    const declined = await run(asl, order, { ...happy, ChargeCard: failing(1, "PaymentDeclined", () => ({})) });
    expect(declined.error).toEqual({ name: "PaymentDeclined", cause: "The card was declined" });
  });
});
