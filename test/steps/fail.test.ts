import { describe, expect, test } from "vitest";
import { fail, jsonata, pass, workflow } from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

describe("a Fail state", () => {
  test("fails the execution with a literal error and cause", async () => {
    const asl = aslOf(workflow("f", { definition: fail("Rejected", { error: "OrderRejected", cause: "total is negative" }) }));
    expect(asl.States.Rejected).toEqual({ Type: "Fail", Error: "OrderRejected", Cause: "total is negative" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, {})).error).toEqual({ name: "OrderRejected", cause: "total is negative" });
  });

  test("with neither error nor cause it is just a Fail", () => {
    const asl = aslOf(workflow("f", { definition: fail("Stop") }));
    expect(asl.States.Stop).toEqual({ Type: "Fail" });
    expect(validate(asl)).toEqual([]);
  });

  test("reads error and cause from the input (ErrorPath, CausePath)", async () => {
    const step = fail<{ code: string; reason: string }>("Rejected", { error: ($) => $.code, cause: ($) => $.reason });
    const asl = aslOf(workflow("f", { definition: pass<{ code: string; reason: string }>("Start").next(step) }));
    expect(asl.States.Rejected).toEqual({ Type: "Fail", ErrorPath: "$.code", CausePath: "$.reason" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { code: "E42", reason: "no stock" })).error).toEqual({ name: "E42", cause: "no stock" });
  });

  test("in JSONata, error and cause may be expressions", () => {
    const step = fail<{ code: string }>("Rejected", { error: ($) => $.code, cause: jsonata`"failed at " & $now()` });
    const asl = aslOf(workflow("f", { queryLanguage: "JSONata", definition: step }));
    expect(asl.States.Rejected).toEqual({ Type: "Fail", Error: "{% $states.input.code %}", Cause: '{% "failed at " & $now() %}' });
    expect(validate(asl)).toEqual([]);
  });
});
