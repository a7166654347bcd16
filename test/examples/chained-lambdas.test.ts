import { describe, expect, test } from "vitest";
import { chainedLambdas } from "../../examples/chained-lambdas.ts";
import { aslOf, failing, run, validate } from "../support/oracles.ts";
import { exampleInputs } from "../support/example-inputs.ts";

const asl = aslOf(chainedLambdas);
const signUp = exampleInputs["lead-routing"];
const enriched = { ...signUp, company: "Acme", employees: 120 };

describe("example: chained Lambdas with branching and error handling", () => {
  test("is valid ASL", () => {
    expect(validate(asl)).toEqual([]);
  });

  test("a strong lead goes to sales, with a formatted note", async () => {
    let request: unknown;
    const result = await run(asl, signUp, {
      Enrich: () => ({ Payload: enriched, StatusCode: 200 }),
      Score: (e) => ({ ...e, score: 91 }),
      AssignSalesRep: (r) => ((request = r), { rep: "bob" }),
    });
    expect(request).toEqual({ userId: "u1", score: 91, note: "Acme (120 employees)" });
    expect(result.path).toEqual(["Enrich", "Score", "RouteByScore", "AssignSalesRep", "Routed"]);
    expect(result.output).toEqual({ ...enriched, score: 91, assignment: { rep: "bob" } });
  });

  test("a middling lead is nurtured, a weak one ignored", async () => {
    const mocks = { Enrich: () => ({ Payload: enriched }), StartNurture: () => ({}) };
    expect((await run(asl, signUp, { ...mocks, Score: (e) => ({ ...e, score: 50 }) })).path).toContain("StartNurture");
    expect((await run(asl, signUp, { ...mocks, Score: (e) => ({ ...e, score: 5 }) })).path).toContain("Ignore");
  });

  test("a failure is retried where it is transient, then recorded with the error", async () => {
    let recorded: any;
    const result = await run(asl, signUp, {
      Enrich: failing(1, "Lambda.ServiceException", () => ({ Payload: enriched })),
      Score: failing(1, "ScoringDown", () => ({})),
      RecordFailure: (r) => ((recorded = r), { ok: true }),
    });
    expect(result.retried).toEqual(["Enrich"]);
    expect(result.caught).toEqual(["Score"]);
    expect(recorded).toMatchObject({ userId: "u1", failure: { Error: "ScoringDown" } });
  });
});
