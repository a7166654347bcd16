import jsonataLib from "jsonata";
import { describe, expect, test } from "vitest";
import { jsonata, lambda, map, pass, succeed, task, variable, workflow } from "stepwright";
import { aslOf, validate } from "../support/oracles.ts";

interface Order {
  id: string;
  price: number;
  quantity: number;
  "shipping address": string;
}

/** Evaluates a `{% %}` field with the JSONata engine, as Step Functions binds `$states`. */
async function evaluate(field: string, states: Record<string, unknown>, variables: Record<string, unknown> = {}) {
  expect(field).toMatch(/^\{% .* %\}$/s);
  return jsonataLib(field.slice(3, -3)).evaluate({}, { states, ...variables });
}

describe("JSONata workflows", () => {
  test("Arguments, Output and Assign are written as JSONata, with references as $states paths", async () => {
    const charge = task("Charge", lambda.invoke<{ amount: unknown; address: string }, { chargeId: string }>("charge"))
      .arguments<Order>(($) => ({ amount: jsonata<number>`${$.price} * ${$.quantity}`, address: $["shipping address"] }))
      .output(($, result) => ({ orderId: $.id, chargeId: result.Payload.chargeId }))
      .assign(($, result) => ({ lastCharge: result.Payload.chargeId, orderId: $.id }));
    const asl = aslOf(workflow("j", { queryLanguage: "JSONata", definition: charge }));
    expect(asl).toEqual({
      QueryLanguage: "JSONata",
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Arguments: {
            FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:charge",
            Payload: { amount: "{% $states.input.price * $states.input.quantity %}", address: "{% $states.input.`shipping address` %}" },
          },
          Output: { orderId: "{% $states.input.id %}", chargeId: "{% $states.result.Payload.chargeId %}" },
          Assign: { lastCharge: "{% $states.result.Payload.chargeId %}", orderId: "{% $states.input.id %}" },
          End: true,
        },
      },
    });
    expect(validate(asl)).toEqual([]);
    const input = { id: "o1", price: 2.5, quantity: 4, "shipping address": "Elm 1" };
    expect(await evaluate(asl.States.Charge.Arguments.Payload.amount, { input })).toBe(10);
    expect(await evaluate(asl.States.Charge.Arguments.Payload.address, { input })).toBe("Elm 1");
    expect(await evaluate(asl.States.Charge.Output.chargeId, { input, result: { Payload: { chargeId: "c9" } } })).toBe("c9");
  });

  test("without Arguments, lambda.invoke sends the whole input as the Payload", () => {
    const asl = aslOf(workflow("j", { queryLanguage: "JSONata", definition: task("Call", lambda.invoke("fn")) }));
    expect(asl.States.Call.Arguments).toEqual({
      FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:fn",
      Payload: "{% $states.input %}",
    });
    expect(validate(asl)).toEqual([]);
  });

  test("workflow variables set by Assign are read back with variable()", async () => {
    const remember = pass<Order>("Remember").assign(($) => ({ orderId: $.id }));
    const later = task("Later", lambda.invoke<{ id: string }, unknown>("later")).arguments(() => ({ id: variable<string>("orderId") }));
    const asl = aslOf(workflow("j", { queryLanguage: "JSONata", definition: remember.next(later) }));
    expect(asl.States.Remember.Assign).toEqual({ orderId: "{% $states.input.id %}" });
    expect(asl.States.Later.Arguments.Payload).toEqual({ id: "{% $orderId %}" });
    expect(validate(asl)).toEqual([]);
    expect(await evaluate(asl.States.Later.Arguments.Payload.id, {}, { orderId: "o7" })).toBe("o7");
  });

  test("in JSONPath, variables are $name paths and Assign uses .$ keys", () => {
    const remember = pass<Order>("Remember").assign(($) => ({ orderId: $.id, fixed: 1 }));
    const later = task("Later", lambda.invoke<{ id: string }, unknown>("later")).parameters(() => ({ id: variable<string>("orderId") }));
    const asl = aslOf(workflow("j", { definition: remember.next(later) }));
    expect(asl.States.Remember.Assign).toEqual({ "orderId.$": "$.id", fixed: 1 });
    expect(asl.States.Later.Parameters.Payload).toEqual({ "id.$": "$orderId" });
    expect(validate(asl)).toEqual([]);
  });

  test("a state may use the other query language than its workflow", () => {
    const legacy = pass<Order>("Legacy")
      .queryLanguage("JSONPath")
      .parameters(($) => ({ id: $.id }));
    const asl = aslOf(workflow("j", { queryLanguage: "JSONata", definition: legacy.next(succeed("Done")) }));
    expect(asl.States.Legacy).toEqual({ Type: "Pass", QueryLanguage: "JSONPath", Parameters: { "id.$": "$.id" }, Next: "Done" });
    expect(validate(asl)).toEqual([]);
  });

  test("Map Items can be a literal array or an expression; catchers take Output and Assign", async () => {
    const each = map("Each", { items: jsonata<number[]>`[1, 2, 3]` }).process(pass("Item"));
    const guarded = task("Risky", lambda("risky")).catch("States.ALL", succeed("Recovered"), {
      output: ($, error) => ({ failed: $, why: error.Cause }),
      assign: (_, error) => ({ lastError: error.Error }),
    });
    const asl = aslOf(workflow("j", { queryLanguage: "JSONata", definition: each.next(guarded) }));
    expect(asl.States.Each.Items).toBe("{% [1, 2, 3] %}");
    expect(asl.States.Risky.Catch).toEqual([
      {
        ErrorEquals: ["States.ALL"],
        Output: { failed: "{% $states.input %}", why: "{% $states.errorOutput.Cause %}" },
        Assign: { lastError: "{% $states.errorOutput.Error %}" },
        Next: "Recovered",
      },
    ]);
    expect(validate(asl)).toEqual([]);
    expect(await evaluate(asl.States.Each.Items, {})).toEqual([1, 2, 3]);
  });
});
