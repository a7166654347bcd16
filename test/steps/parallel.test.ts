import { describe, expect, expectTypeOf, test } from "vitest";
import { fail, lambda, type OutputOf, parallel, pass, succeed, task, workflow } from "stepwright";
import { aslOf, failing, run, validate } from "../support/oracles.ts";

interface Order {
  id: string;
  address: string;
}

const geo = task("Geocode", lambda<{ address: string }, { lat: number; lng: number }>("geocode"));
const credit = task("Credit", lambda<{ id: string }, { score: number }>("credit"));

describe("a Parallel state", () => {
  test("runs every branch on the same input; its output is the tuple of branch outputs", async () => {
    const both = parallel("Enrich", [geo, credit.next(pass("Scored"))]);
    expectTypeOf<OutputOf<typeof both>>().toEqualTypeOf<[{ lat: number; lng: number }, { score: number }]>();
    const asl = aslOf(workflow("p", { definition: both }));
    expect(asl.States.Enrich).toEqual({
      Type: "Parallel",
      Branches: [
        {
          StartAt: "Geocode",
          States: { Geocode: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:geocode", End: true } },
        },
        {
          StartAt: "Credit",
          States: {
            Credit: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:credit", Next: "Scored" },
            Scored: { Type: "Pass", End: true },
          },
        },
      ],
      End: true,
    });
    expect(validate(asl)).toEqual([]);
    const result = await run(
      asl,
      { id: "1", address: "Main St" },
      { Geocode: () => ({ lat: 1, lng: 2 }), Credit: (i) => ({ score: i.id.length }) },
    );
    expect(result.output).toEqual([{ lat: 1, lng: 2 }, { score: 1 }]);
  });

  test("its input type is what every branch needs", () => {
    const both = parallel("Enrich", [geo, credit]);
    expectTypeOf<import("stepwright").InputOf<typeof both>>().toEqualTypeOf<{ address: string } & { id: string }>();
  });

  test("Parameters, ResultSelector, ResultPath, Retry and Catch work on the whole state", async () => {
    const both = parallel("Enrich", [geo, credit])
      .parameters<{ order: Order }>(($) => ({ id: $.order.id, address: $.order.address }))
      .resultSelector((r) => ({ location: r[0], credit: r[1].score }))
      .resultPath("$.enrichment")
      .retry({ errors: ["States.ALL"], maxAttempts: 1 })
      .catch("States.ALL", fail("EnrichFailed", { error: "Enrich" }));
    const asl = aslOf(workflow("p", { definition: both.next(succeed("Done")) }));
    expect(asl.States.Enrich).toMatchObject({
      Parameters: { "id.$": "$.order.id", "address.$": "$.order.address" },
      ResultSelector: { "location.$": "$[0]", "credit.$": "$[1].score" },
      ResultPath: "$.enrichment",
      Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "EnrichFailed" }],
      Next: "Done",
    });
    expect(validate(asl)).toEqual([]);
    const input = { order: { id: "42", address: "Elm" } };
    const ok = await run(asl, input, { Geocode: () => ({ lat: 5, lng: 6 }), Credit: () => ({ score: 700 }) });
    expect(ok.output).toEqual({ ...input, enrichment: { location: { lat: 5, lng: 6 }, credit: 700 } });
    const failed = await run(asl, input, { Geocode: failing(5, "Geo.Down", () => ({})), Credit: () => ({ score: 1 }) });
    expect(failed.error?.name).toBe("Enrich");
    expect(failed.caught).toEqual(["Enrich"]);
  });
});
