import { describe, expect, test } from "vitest";
import { $$, fail, lambda, pass, type Ref, resource, States, succeed, task, wait, workflow } from "stepwright";
import { aslOf, failing, run, validate } from "../support/oracles.ts";

interface Order {
  id: string;
  total: number;
  customer: { email: string };
}
interface Charge {
  chargeId: string;
  amount: number;
}

const chargeFn = lambda.invoke<{ amount: number; orderId: string }, Charge>("charge-card");

describe("a Task state", () => {
  test("runs a Lambda function by ARN, resolved from its name with the region and account", async () => {
    const flow = workflow("t", { definition: task("Validate", lambda<Order, Order>("validate-order")) });
    const asl = aslOf(flow);
    expect(asl).toEqual({
      StartAt: "Validate",
      States: {
        Validate: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:validate-order", End: true },
      },
    });
    expect(validate(asl)).toEqual([]);
    const order = { id: "o-1", total: 30, customer: { email: "a@b.c" } };
    expect(await run(asl, order, { Validate: (i) => ({ ...i, total: 31 }) })).toMatchObject({ output: { ...order, total: 31 } });
  });

  test("passes a full ARN through unchanged", () => {
    const arn = "arn:aws:lambda:eu-west-1:111122223333:function:charge:live";
    const asl = aslOf(workflow("t", { definition: task("Charge", lambda(arn)) }));
    expect(asl.States.Charge.Resource).toBe(arn);
  });

  test("builds Parameters from typed selectors, literals, the context object and intrinsics", async () => {
    const step = task("Charge", chargeFn)
      .parameters<Order>(($) => ({ amount: $.total, orderId: States.Format("order-{}", $.id) }))
      .resultPath("$.charge");
    const notify = task("Notify", lambda.invoke<{ email: string; execution: string; source: string }, unknown>("notify")).parameters<Order>(
      ($, ctx) => ({ email: $.customer.email, execution: ctx.Execution.Id, source: "web" }),
    );
    const asl = aslOf(workflow("t", { definition: step.next(pass("Keep", { result: { ok: true } }).resultPath("$.kept")).next(notify) }));
    expect(asl.States.Charge.Parameters).toEqual({
      FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:charge-card",
      Payload: { "amount.$": "$.total", "orderId.$": "States.Format('order-{}', $.id)" },
    });
    expect(asl.States.Notify.Parameters.Payload).toEqual({
      "email.$": "$.customer.email",
      "execution.$": "$$.Execution.Id",
      source: "web",
    });
    expect(validate(asl)).toEqual([]);
    const seen: unknown[] = [];
    await run(
      asl,
      { id: "7", total: 12, customer: { email: "x@y.z" } },
      {
        Charge: (i) => (seen.push(i), { Payload: { chargeId: "c1", amount: 12 } }),
        Notify: (i) => (seen.push(i), {}),
      },
    );
    expect(seen[0]).toEqual({
      FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:charge-card",
      Payload: { amount: 12, orderId: "order-7" },
    });
  });

  test("without Parameters, lambda.invoke sends the whole input as the Payload", () => {
    const asl = aslOf(workflow("t", { definition: task("Charge", chargeFn) }));
    expect(asl.States.Charge.Parameters).toEqual({
      FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:charge-card",
      "Payload.$": "$",
    });
  });

  test("ResultSelector reshapes the result and ResultPath merges it into the input", async () => {
    const step = task("Charge", chargeFn)
      .parameters<Order>(($) => ({ amount: $.total, orderId: $.id }))
      .resultSelector((r) => ({ id: r.Payload.chargeId, status: r.StatusCode }))
      .resultPath("$.charge");
    const asl = aslOf(workflow("t", { definition: step }));
    expect(asl.States.Charge.ResultSelector).toEqual({ "id.$": "$.Payload.chargeId", "status.$": "$.StatusCode" });
    expect(asl.States.Charge.ResultPath).toBe("$.charge");
    expect(validate(asl)).toEqual([]);
    const order = { id: "o", total: 5, customer: { email: "e" } };
    const result = await run(asl, order, { Charge: () => ({ Payload: { chargeId: "ch_1", amount: 5 }, StatusCode: 200 }) });
    expect(result.output).toEqual({ ...order, charge: { id: "ch_1", status: 200 } });
  });

  test("ResultPath null keeps the input; InputPath and OutputPath select", async () => {
    const step = task("Audit", lambda<{ email: string }, { logged: boolean }>("audit")).inputPath("$.customer").resultPath(null);
    const pick = task("Email", lambda<Order, Order>("noop")).outputPath("$.customer.email");
    // Audit needs only the customer, and passes its whole input on (ResultPath null): Email gets an Order.
    const asl = aslOf(workflow("t", { definition: pass<Order>("Start").next(step).next(pick) }));
    expect(asl.States.Audit).toMatchObject({ InputPath: "$.customer", ResultPath: null });
    expect(asl.States.Email.OutputPath).toBe("$.customer.email");
    expect(validate(asl)).toEqual([]);
    const seen: unknown[] = [];
    const order = { id: "o", total: 5, customer: { email: "e@x" } };
    const result = await run(asl, order, { Audit: (i) => (seen.push(i), { logged: true }), Email: (i) => i });
    expect(seen).toEqual([{ email: "e@x" }]);
    expect(result.output).toBe("e@x");
    expect(result.path).toEqual(["Start", "Audit", "Email"]);
  });

  test("retries with every Retrier field, in the order declared", async () => {
    const step = task("Flaky", lambda<Order, Order>("flaky"))
      .retry({
        errors: ["Lambda.TooManyRequestsException"],
        intervalSeconds: 1,
        maxAttempts: 5,
        backoffRate: 2.5,
        maxDelaySeconds: 30,
        jitter: "FULL",
        comment: "throttled",
      })
      .retry({ errors: ["States.ALL"], maxAttempts: 2 });
    const asl = aslOf(workflow("t", { definition: step }));
    expect(asl.States.Flaky.Retry).toEqual([
      {
        ErrorEquals: ["Lambda.TooManyRequestsException"],
        IntervalSeconds: 1,
        MaxAttempts: 5,
        BackoffRate: 2.5,
        MaxDelaySeconds: 30,
        JitterStrategy: "FULL",
        Comment: "throttled",
      },
      { ErrorEquals: ["States.ALL"], MaxAttempts: 2 },
    ]);
    expect(validate(asl)).toEqual([]);
    const result = await run(asl, { id: "1" }, { Flaky: failing(2, "Boom", (i) => i) });
    expect(result).toMatchObject({ output: { id: "1" }, retried: ["Flaky", "Flaky"] });
    const exhausted = await run(asl, { id: "1" }, { Flaky: failing(3, "Boom", (i) => i) });
    expect(exhausted.error?.name).toBe("Boom");
  });

  test("a catcher hands { Error, Cause } to its handler, or merges it at resultPath", async () => {
    const handled = task("Refund", lambda<{ id: string; error: { Error: string; Cause: string } }, { refunded: true }>("refund"));
    const step = task("Charge", lambda<Order, Charge>("charge"))
      .catch(["Card.Declined"], fail("Declined", { error: "Declined", cause: "card declined" }))
      .catch("States.ALL", handled, { resultPath: "$.error" });
    const asl = aslOf(workflow("t", { definition: step.next(succeed("Charged")) }));
    expect(asl.States.Charge.Catch).toEqual([
      { ErrorEquals: ["Card.Declined"], Next: "Declined" },
      { ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Refund" },
    ]);
    expect(asl.States.Refund.End).toBe(true);
    expect(validate(asl)).toEqual([]);

    const declined = await run(asl, { id: "1" }, { Charge: failing(1, "Card.Declined", () => ({})) });
    expect(declined).toMatchObject({ error: { name: "Declined", cause: "card declined" }, caught: ["Charge"] });

    let refundInput: any;
    const other = await run(
      asl,
      { id: "1" },
      { Charge: failing(1, "Gateway.Down", () => ({})), Refund: (i) => ((refundInput = i), { refunded: true }) },
    );
    expect(refundInput).toMatchObject({ id: "1", error: { Error: "Gateway.Down" } });
    expect(typeof refundInput.error.Cause).toBe("string");
    expect(other.output).toEqual({ refunded: true });
    expect(other.path).toEqual(["Charge", "Refund"]);
  });

  test("timeouts and heartbeats, as numbers or read from the input", () => {
    const fixed = task("Fixed", lambda("f")).timeout(300).heartbeat(60);
    const fromInput = task("FromInput", lambda<{ limits: { timeout: number; beat: number } }, unknown>("g"))
      .timeout(($) => $.limits.timeout)
      .heartbeat("$.limits.beat");
    const a = aslOf(workflow("t", { definition: fixed }));
    const b = aslOf(workflow("t", { definition: fromInput }));
    expect(a.States.Fixed).toMatchObject({ TimeoutSeconds: 300, HeartbeatSeconds: 60 });
    expect(b.States.FromInput).toMatchObject({ TimeoutSecondsPath: "$.limits.timeout", HeartbeatSecondsPath: "$.limits.beat" });
    expect(validate(a)).toEqual([]);
    expect(validate(b)).toEqual([]);
  });

  test("credentials assume another role, fixed or from the input", () => {
    const role = "arn:aws:iam::111122223333:role/cross-account";
    const a = task("A", lambda<{ role: string }, unknown>("a")).credentials(role);
    const b = task("B", lambda<{ role: string }, unknown>("b")).credentials(($) => $.role);
    const asl = aslOf(workflow("t", { definition: a.resultPath(null).next(b) }));
    expect(asl.States.A.Credentials).toEqual({ RoleArn: role });
    expect(asl.States.B.Credentials).toEqual({ "RoleArn.$": "$.role" });
    expect(validate(asl)).toEqual([]);
  });

  test("comments and variables (Assign) are written as given", () => {
    const step = task("Load", lambda<Order, Order>("load"))
      .comment("loads the order")
      .assign(($, result) => ({ orderId: $.id, loadedTotal: result.total, startedAt: $$.Execution.StartTime }));
    const asl = aslOf(workflow("t", { definition: step }));
    expect(asl.States.Load).toEqual({
      Type: "Task",
      Comment: "loads the order",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:load",
      Assign: { "orderId.$": "$.id", "loadedTotal.$": "$.total", "startedAt.$": "$$.Execution.StartTime" },
      End: true,
    });
    expect(validate(asl)).toEqual([]);
  });

  test("resource(arn) runs what Stepwright has no helper for: the Resource as written, the request as built", async () => {
    const query = resource<{ QueryString: string }, { QueryExecutionId: string }>("arn:aws:states:::athena:startQueryExecution.sync");
    const flow = workflow("t", {
      definition: task("Query", query)
        .parameters(($: Ref<{ sql: string }>) => ({ QueryString: $.sql }))
        .resultPath("$.query"),
    });
    const asl = aslOf(flow);
    expect(asl.States.Query).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Parameters: { "QueryString.$": "$.sql" },
      ResultPath: "$.query",
      End: true,
    });
    // An ARN naming a service integration keeps its meaning: the IAM policy is worked out from it.
    expect(flow.assemble().ir.states[0]).toMatchObject({
      resource: { kind: "integration", service: "athena", action: "startQueryExecution", pattern: "sync", sdk: false },
    });
    expect(
      aslOf(workflow("p", { definition: task("Sub", resource("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f")) })).States.Sub
        .Resource,
    ).toBe("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f");
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { sql: "select 1" }, { Query: (i) => ({ QueryExecutionId: `q-${JSON.stringify(i)}` }) })).output).toEqual({
      sql: "select 1",
      query: { QueryExecutionId: 'q-{"QueryString":"select 1"}' },
    });
  });

  test(".asl() writes fields as ASL, after and over what the builder writes", () => {
    const step = task("Call", lambda("arn:aws:lambda:us-east-1:123456789012:function:f"))
      .resultPath("$.r")
      .asl({ ResultPath: "$.other", "x-custom": [1] })
      .asl({ TimeoutSeconds: 5 });
    const asl = aslOf(workflow("t", { definition: step }));
    expect(asl.States.Call).toEqual({
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
      ResultPath: "$.other",
      End: true,
      "x-custom": [1],
      TimeoutSeconds: 5,
    });
  });

  test("a catcher's handler may loop back to the step it catches for: it chains to the step as first written", async () => {
    const flaky = task("Flaky", lambda<unknown, unknown>("arn:aws:lambda:us-east-1:123456789012:function:flaky"));
    const pause = wait("Pause", { seconds: 1 });
    const guarded = flaky.catch("States.TaskFailed", pause.next(flaky), { resultPath: null });
    const asl = aslOf(workflow("t", { definition: guarded.next(succeed("Done")) }));
    expect(asl.States.Flaky).toMatchObject({
      Catch: [{ ErrorEquals: ["States.TaskFailed"], ResultPath: null, Next: "Pause" }],
      Next: "Done",
    });
    expect(asl.States.Pause.Next).toBe("Flaky");
    expect(validate(asl)).toEqual([]);
    const result = await run(asl, { n: 1 }, { Flaky: failing(2, "States.TaskFailed", (i) => i) });
    expect(result.path).toEqual(["Flaky", "Pause", "Flaky", "Pause", "Flaky", "Done"]);
  });

  test("emits only what was set: a bare task has Type, Resource and End", () => {
    const asl = aslOf(workflow("t", { definition: task("Bare", lambda("arn:aws:lambda:us-east-1:123456789012:function:bare")) }));
    expect(Object.keys(asl.States.Bare)).toEqual(["Type", "Resource", "End"]);
  });
});
