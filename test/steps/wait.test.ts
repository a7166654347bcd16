import { describe, expect, test } from "vitest";
import { jsonata, pass, wait, workflow, type Timestamp } from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Job {
  runAt: Timestamp;
  delay: number;
}

describe("a Wait state", () => {
  test("waits a number of seconds, and passes its input on", async () => {
    const asl = aslOf(workflow("w", { definition: wait<Job>("Pause", { seconds: 30 }).next(pass("After")) }));
    expect(asl.States.Pause).toEqual({ Type: "Wait", Seconds: 30, Next: "After" });
    expect(validate(asl)).toEqual([]);
    const job = { runAt: "2030-01-01T00:00:00Z", delay: 5 };
    expect(await run(asl, job)).toMatchObject({ output: job, path: ["Pause", "After"] });
  });

  test("waits until a timestamp, given as text or a Date", () => {
    const a = aslOf(workflow("w", { definition: wait("Until", { timestamp: "2030-01-01T00:00:00Z" }) }));
    const b = aslOf(workflow("w", { definition: wait("Until", { timestamp: new Date("2030-01-01T00:00:00Z") }) }));
    expect(a.States.Until.Timestamp).toBe("2030-01-01T00:00:00Z");
    expect(b.States.Until.Timestamp).toBe("2030-01-01T00:00:00.000Z");
    expect(validate(a)).toEqual([]);
    expect(validate(b)).toEqual([]);
  });

  test("reads seconds or the timestamp from the input (SecondsPath, TimestampPath)", async () => {
    const bySeconds = wait<Job>("BySeconds", { secondsPath: ($) => $.delay });
    const byTime = wait<Job>("ByTime", { timestampPath: "$.runAt" });
    const asl = aslOf(workflow("w", { definition: bySeconds.next(byTime) }));
    expect(asl.States.BySeconds).toEqual({ Type: "Wait", SecondsPath: "$.delay", Next: "ByTime" });
    expect(asl.States.ByTime).toEqual({ Type: "Wait", TimestampPath: "$.runAt", End: true });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { runAt: "2020-01-01T00:00:00Z", delay: 1 })).path).toEqual(["BySeconds", "ByTime"]);
  });

  test("in JSONata, the path forms become expressions in Seconds and Timestamp", () => {
    const asl = aslOf(
      workflow("w", {
        queryLanguage: "JSONata",
        definition: wait<Job>("A", { secondsPath: ($) => $.delay })
          .next(wait<Job>("B", { timestampPath: "$.runAt" }))
          .next(wait("C", { seconds: jsonata<number>`3 * 10` })),
      }),
    );
    expect(asl.States.A.Seconds).toBe("{% $states.input.delay %}");
    expect(asl.States.B.Timestamp).toBe("{% $states.input.runAt %}");
    expect(asl.States.C.Seconds).toBe("{% 3 * 10 %}");
    expect(validate(asl)).toEqual([]);
  });
});
