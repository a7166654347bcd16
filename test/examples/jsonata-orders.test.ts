import jsonataLib from "jsonata";
import { describe, expect, test } from "vitest";
import { jsonataOrders } from "../../examples/jsonata-orders.ts";
import { aslOf, validate } from "../support/oracles.ts";
import { exampleInputs } from "../support/example-inputs.ts";

// aws-local-stepfunctions has no JSONata, so each expression is checked with the JSONata engine,
// bound the way Step Functions binds it ($states.input, $states.result, variables).
const asl = aslOf(jsonataOrders);
const cart = exampleInputs["jsonata-orders"];
const evaluate = (field: string, bindings: Record<string, unknown>) => jsonataLib(field.slice(3, -3)).evaluate({}, bindings);

describe("example: JSONata workflow", () => {
  test("is valid ASL in JSONata", () => {
    expect(validate(asl)).toEqual([]);
    expect(asl.QueryLanguage).toBe("JSONata");
  });

  test("prices the cart and keeps its ids in variables", async () => {
    const output = asl.States.PriceCart.Output;
    expect(await evaluate(output.subtotal, { states: { input: cart } })).toBe(105);
    expect(await evaluate(output.lineCount, { states: { input: cart } })).toBe(2);
    expect(await evaluate(asl.States.PriceCart.Assign.cartId, { states: { input: cart } })).toBe("k1");
  });

  test("saves the order from variables and the priced cart", async () => {
    const item = asl.States.SaveOrder.Arguments.Item;
    expect(asl.States.SaveOrder.Arguments.TableName).toBe("orders");
    expect(await evaluate(item.orderId.S, { cartId: "k1" })).toBe("k1");
    expect(await evaluate(item.total.N, { states: { input: { subtotal: 105 } } })).toBe("105");
  });

  test("ships express at 100 or more, or more than 10 lines", async () => {
    const [byTotal, byLines] = asl.States.ChooseShipping.Choices;
    expect(await evaluate(byTotal.Condition, { states: { input: { subtotal: 105, lineCount: 2 } } })).toBe(true);
    expect(await evaluate(byTotal.Condition, { states: { input: { subtotal: 99, lineCount: 2 } } })).toBe(false);
    expect(await evaluate(byLines.Condition, { states: { input: { subtotal: 1, lineCount: 11 } } })).toBe(true);
    expect(asl.States.ChooseShipping.Default).toBe("ShipStandard");
  });
});
