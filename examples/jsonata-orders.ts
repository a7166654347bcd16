/**
 * A JSONata workflow: price an order with JSONata expressions, keep the order id in a workflow
 * variable, and pick a shipping speed with a JSONata condition.
 */
import { choice, dynamodb, jsonata, lambda, pass, succeed, task, variable, workflow } from "stepwright";

export interface Cart {
  cartId: string;
  customerId: string;
  lines: { sku: string; price: number; quantity: number }[];
  coupon?: string;
}

const price = pass<Cart>("PriceCart")
  .output(($) => ({
    cartId: $.cartId,
    subtotal: jsonata<number>`$sum(${$.lines}.(price * quantity))`,
    lineCount: jsonata<number>`$count(${$.lines})`,
  }))
  .assign(($) => ({ cartId: $.cartId, customerId: $.customerId }));

export const express = task("ShipExpress", lambda.invoke<{ cartId: string }, { eta: string }>("ship-express"))
  .arguments(() => ({ cartId: variable<string>("cartId") }))
  .output((_, result) => ({ eta: result.Payload.eta, speed: "express" }));
export const standard = task("ShipStandard", lambda.invoke<{ cartId: string }, { eta: string }>("ship-standard"))
  .arguments(() => ({ cartId: variable<string>("cartId") }))
  .output((_, result) => ({ eta: result.Payload.eta, speed: "standard" }));

const speed = choice("ChooseShipping")
  .when(($) => jsonata<boolean>`${$.subtotal} >= 100`, express)
  .when(($) => $.lineCount.gt(10), express)
  .otherwise(standard)
  .next(succeed("Shipped"));

export const jsonataOrders = workflow("jsonata-orders", {
  queryLanguage: "JSONata",
  comment: "Pricing and shipping with JSONata",
  // Written inline, SaveOrder's `$` is PriceCart's output, and `output` passes it on, typed.
  definition: price
    .next(
      task("SaveOrder", dynamodb.putItem("orders"), {
        arguments: ($) => ({
          Item: {
            orderId: { S: variable<string>("cartId") },
            customerId: { S: variable<string>("customerId") },
            total: { N: jsonata<string>`$string(${$.subtotal})` },
          },
        }),
        output: ($) => $,
      }),
    )
    .next(speed),
});
