/**
 * What a test can tell the local engine: mocks that fail with a named error, that answer in turn,
 * that answer every Task calling a Resource; objects by URI; and what it refuses at once (a mock
 * of no state, input that does not fit the workflow's schema).
 */
import { describe, expect, test } from "vitest";
import { lambda, map, pass, task, workflow } from "stepwright";
import { StepError, testWorkflow } from "stepwright/testing";
import { charge, score, scored, typedInput } from "../fixtures/run/typed-input.ts";

const retried = workflow("retried", {
  definition: task("Charge", lambda<{ id: string }, { ok: boolean }>("charge"))
    .retry({ errors: ["Payments.Busy"], maxAttempts: 3 })
    .catch("Payments.Declined", pass("Declined").result({ declined: true }).resultPath("$.outcome")),
});

describe("mocks", () => {
  test(".fail(step, error, cause): the Task fails with that error; Catch matches it by name", async () => {
    const run = await testWorkflow(retried).fail("Charge", "Payments.Declined", "card expired").run({ id: "o" });
    expect(run.output).toEqual({ Error: "Payments.Declined", Cause: "card expired", outcome: { declined: true } });
    expect(run.caughtErrors).toEqual([{ state: "Charge", error: "Payments.Declined" }]);
  });

  test("a mock that throws new StepError(error, cause) is the same failure", async () => {
    const run = await testWorkflow(retried)
      .mock("Charge", () => {
        throw new StepError("Payments.Declined", "card expired");
      })
      .run({ id: "o" });
    expect(run.caught).toEqual(["Charge"]);
  });

  test("more handlers answer the calls after the first, in turn, the last one every call after", async () => {
    const busy = () => {
      throw new StepError("Payments.Busy", "try again");
    };
    const run = await testWorkflow(retried)
      .mock("Charge", busy, busy, () => ({ ok: true }))
      .run({ id: "o" });
    expect(run.output).toEqual({ ok: true });
    expect(run.retries("Charge")).toBe(2);
  });

  test("a mock keyed by Resource ARN answers every Task calling it", async () => {
    const each = workflow("each", {
      definition: map("Each", { items: "$.ids" }).process(
        task("Look", lambda<unknown, unknown>("arn:aws:lambda:us-east-1:123456789012:function:look")),
      ),
    });
    const run = await testWorkflow(each)
      .mock("arn:aws:lambda:us-east-1:123456789012:function:look", (id: unknown) => ({ seen: id }))
      .run({ ids: [1, 2] });
    expect(run.output).toEqual([{ seen: 1 }, { seen: 2 }]);
  });

  test("a mock of a state the workflow does not have is refused, naming it and the Tasks there are", async () => {
    await expect(
      testWorkflow(retried)
        .mock("Chrage", () => ({}))
        .run({ id: "o" }),
    ).rejects.toThrow('.mock("Chrage", ...): workflow "retried" has no Task state or Resource of that name (its Tasks: Charge)');
  });
});

describe("input", () => {
  test("input that does not fit the workflow's input schema is refused, naming the field", async () => {
    await expect(
      testWorkflow(typedInput)
        .mock(charge, () => ({ chargeId: "c" }))
        .run({ orderId: "o", total: "12" } as never),
    ).rejects.toThrow(/the input schema of workflow "typed-input": total: .*number/);
  });

  test("without a schema of its own, the input is checked against the first function's, where it gets the whole input", async () => {
    await expect(
      testWorkflow(scored)
        .mock(score, () => ({ score: 1 }))
        .run({ userId: 7 } as never),
    ).rejects.toThrow(/the input schema of workflow "scored": userId: .*string/);
    expect(
      (
        await testWorkflow(scored)
          .mock(score, () => ({ score: 1 }))
          .run({ userId: "u" })
      ).output,
    ).toEqual({ score: 1 });
  });

  test("input that fits runs", async () => {
    expect(
      (
        await testWorkflow(typedInput)
          .mock(charge, () => ({ chargeId: "c" }))
          .run({ orderId: "o", total: 12 })
      ).output,
    ).toEqual({ chargeId: "c" });
  });
});

describe("objects", () => {
  const rows = workflow("rows", {
    definition: map("Rows", {
      mode: "DISTRIBUTED",
      executionType: "EXPRESS",
      itemReader: {
        action: "getObject",
        parameters: { Bucket: "in", Key: "rows.csv" },
        readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW" },
      },
    }).process(pass("Row")),
  });

  test("an object given as text, or as the file: URL of a file", async () => {
    expect((await testWorkflow(rows).object("s3://in/rows.csv", "a,b\n1,2\n").run({})).output).toEqual([{ a: "1", b: "2" }]);
    const file = new URL("../fixtures/run/rows.csv", import.meta.url);
    expect((await testWorkflow(rows).object("s3://in/rows.csv", file).run({})).output).toEqual([
      { sku: "a", qty: "1" },
      { sku: "b", qty: "2" },
    ]);
  });

  test("an object nobody gave fails the run as AWS would, naming the URI and how to give it", async () => {
    const run = await testWorkflow(rows).run({});
    expect(run.error?.error).toBe("States.ItemReaderFailed");
    expect(run.error?.cause).toContain(
      's3://in/rows.csv was not given to the local run (stepwright run --object s3://in/rows.csv=@file, or testWorkflow(w).object("s3://in/rows.csv", ...))',
    );
  });
});

describe("time", () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html: a failing branch fails the
  // Parallel; the branches run at once, so the poll has gone round as often as an hour allows.
  test("a poll that waits a minute against a timeout of an hour goes round sixty times, then times out", async () => {
    const race = {
      StartAt: "Race",
      States: {
        Race: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Poll", States: { Poll: { Type: "Wait", Seconds: 60, Next: "Poll" } } },
            {
              StartAt: "Timeout",
              States: { Timeout: { Type: "Wait", Seconds: 3600, Next: "Late" }, Late: { Type: "Fail", Error: "RanOutOfTime" } },
            },
          ],
          End: true,
        },
      },
    };
    const run = await testWorkflow(race).run({});
    expect(run.error?.error).toBe("RanOutOfTime");
    // Entered at the start and after each of the sixty minutes: sixty rounds.
    expect(run.path.filter((s) => s === "Poll")).toHaveLength(61);
  });
});

describe("what a Task's time stands for", () => {
  // A Task takes no time in a local run, so TimeoutSeconds never fires; a mock failing with
  // States.Timeout stands for it, and Retry and Catch see it as AWS names it
  // (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
  test("a mock failing with States.Timeout is caught by a catcher of States.Timeout, and not by States.TaskFailed", async () => {
    const slow = workflow("slow", {
      definition: task("Slow", lambda<unknown, unknown>("slow"))
        .timeout(30)
        .catch("States.TaskFailed", pass("Failed").result({ why: "failed" }))
        .catch("States.Timeout", pass("TimedOut").result({ why: "timed out" })),
    });
    expect((await testWorkflow(slow).fail("Slow", "States.Timeout", "took too long").run({})).output).toEqual({ why: "timed out" });
    expect((await testWorkflow(slow).fail("Slow", "Boom", "broke").run({})).output).toEqual({ why: "failed" });
  });
});
