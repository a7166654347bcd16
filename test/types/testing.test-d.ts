// Mocks are typed by the steps they stand in for; runs by the workflow's input and output.
import { expectTypeOf } from "vitest";
import { lambda, sqs, task, workflow } from "stepwright";
import { testWorkflow, type WorkflowRun } from "stepwright/testing";

interface Order {
  orderId: string;
  total: number;
}
interface Payment {
  chargeId: string;
}

const charge = task("ChargeCard", lambda<Order, Payment>("charge"));
const queue = task("Queue", sqs.sendMessage<Order>("https://sqs.us-east-1.amazonaws.com/123456789012/q")).resultPath(null);
const orders = workflow("orders", { definition: queue.next(charge) });

// A mock receives the step's request and returns its result.
testWorkflow(orders).mock(charge, (order) => {
  expectTypeOf(order).toEqualTypeOf<Order>();
  return { chargeId: "c" };
});
testWorkflow(orders).mock(charge, async () => ({ chargeId: "c" }));
testWorkflow(orders).mock(queue, (message) => {
  expectTypeOf(message).toEqualTypeOf<Order>();
  return { MessageId: "m", MD5OfMessageBody: "x" };
});

// @ts-expect-error a mock that returns the wrong result
testWorkflow(orders).mock(charge, () => ({ chargeID: "c" }));
// @ts-expect-error a mock that reads a field the request does not have
testWorkflow(orders).mock(charge, (order) => ({ chargeId: order.customer }));
// @ts-expect-error a mock that returns a number for a string field
testWorkflow(orders).mock(charge, () => ({ chargeId: 42 }));

// By state name, the mock is untyped (an escape hatch for steps not in scope).
testWorkflow(orders).mock("ChargeCard", () => ({ anything: true }));

// The run takes the workflow's input and gives its output.
expectTypeOf(testWorkflow(orders).run).parameter(0).toEqualTypeOf<Order>();
expectTypeOf(testWorkflow(orders).run({ orderId: "o", total: 1 })).resolves.toEqualTypeOf<WorkflowRun<Payment>>();
// @ts-expect-error an input the workflow does not take
void testWorkflow(orders).run({ orderId: "o" });
