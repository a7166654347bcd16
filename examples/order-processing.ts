/**
 * Order processing: validate the order, charge the card (retrying throttles), ship it, tell the
 * customer. A declined card or an invalid order ends in a named failure.
 */
import { z } from "zod";
import { choice, fail, lambda, sns, succeed, task, workflow } from "stepwright";

export const Order = z.object({
  orderId: z.string(),
  customerEmail: z.string(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
  total: z.number().nonnegative(),
});
export type Order = z.infer<typeof Order>;

export interface Validation {
  valid: boolean;
  reason?: string;
}
export interface Payment {
  chargeId: string;
}
export interface Shipment {
  trackingNumber: string;
}

export const validateOrder = task("ValidateOrder", lambda<Order, Validation>("validate-order"))
  .resultPath("$.validation")
  .retry({ errors: ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 });

export const chargeCard = task("ChargeCard", lambda<Order, Payment>("charge-card"))
  .resultPath("$.payment")
  .retry({
    errors: ["Lambda.TooManyRequestsException"],
    intervalSeconds: 1,
    maxAttempts: 5,
    backoffRate: 2,
    maxDelaySeconds: 30,
    jitter: "FULL",
  })
  .catch(["PaymentDeclined"], fail("PaymentFailed", { error: "PaymentDeclined", cause: "The card was declined" }));

export const shipOrder = task("ShipOrder", lambda<Order & { payment: Payment }, Shipment>("ship-order")).resultPath("$.shipment");

export const notifyCustomer = task(
  "NotifyCustomer",
  sns.publish("arn:aws:sns:us-east-1:123456789012:order-updates", { Subject: "Your order has shipped" }),
)
  .parameters(($) => ({ orderId: $.orderId, email: $.customerEmail, trackingNumber: $.shipment.trackingNumber }))
  .resultPath(null);

const isValid = choice("IsOrderValid")
  .when(($) => $.validation.valid.eq(true), chargeCard.next(shipOrder).next(notifyCustomer).next(succeed("OrderComplete")))
  .otherwise(fail("InvalidOrder", { error: "InvalidOrder", cause: "The order failed validation" }));

export const orderProcessing = workflow("order-processing", {
  comment: "Validate, charge, ship and notify for one order",
  input: Order,
  definition: validateOrder.next(isValid),
  timeoutSeconds: 3600,
});
