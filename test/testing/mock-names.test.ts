/**
 * A Task is answered only by a mock given for its own name: a state named like one of Object's
 * members ("constructor", "toString", "__proto__") has no mock unless the test gives it one.
 */
import { describe, expect, test } from "vitest";
import { lambda, task, workflow } from "stepwright";
import { testWorkflow } from "stepwright/testing";

describe("mocks are looked up by their own name only", () => {
  for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
    test(`a Task named "${name}" without a mock fails the run, naming the state`, async () => {
      const w = workflow("names", { definition: task(name, lambda("arn:aws:lambda:us-east-1:123456789012:function:f")) });
      const run = await testWorkflow(w).run({});
      expect(run.succeeded).toBe(false);
      expect(run.error).toMatchObject({ error: "Stepwright.NoMock" });
      expect(String(run.error?.cause)).toContain(`Task "${name}" ran, but the test gives it no mock`);
    });
  }

  test("given its mock, such a Task answers with it", async () => {
    const w = workflow("names", { definition: task("constructor", lambda("arn:aws:lambda:us-east-1:123456789012:function:f")) });
    const run = await testWorkflow(w)
      .mock("constructor", () => ({ ok: true }))
      .run({});
    expect(run.output).toEqual({ ok: true });
  });
});
