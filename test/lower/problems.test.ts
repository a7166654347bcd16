import { describe, expect, test } from "vitest";
import { lambda, pass, States, task, workflow } from "stepwright";

describe("problems found while assembling a workflow", () => {
  test("SW2101: a field of the other query language names the step and the fix", () => {
    const step = task("Charge", lambda.invoke<{ id: string }, unknown>("charge")).parameters<{ id: string }>(($) => ({ id: $.id }));
    const { problems } = workflow("w", { queryLanguage: "JSONata", definition: step }).assemble();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "SW2101",
      step: "Charge",
      message: 'Step "Charge" sets Parameters, which JSONata states do not have; call .queryLanguage("JSONPath") on it or use the JSONata form.',
    });
    expect(problems[0]!.source?.file).toMatch(/problems\.test\.ts$/);
    expect(problems[0]!.source?.line).toBe(6);
  });

  test("SW2102: an intrinsic in a JSONata state cannot be written", () => {
    const step = pass<{ id: string }>("Shape").queryLanguage("JSONata").output(($) => ({ id: States.Format("x-{}", $.id) }));
    const { problems } = workflow("w", { definition: step }).assemble();
    expect(problems.map((p) => [p.code, p.step])).toEqual([["SW2102", "Shape"]]);
    expect(problems[0]!.message).toContain("States.* intrinsics are JSONPath-only");
  });

  test("SW2103: one step name continuing to two different steps", () => {
    const a = pass("A");
    const first = a.next(pass("B"));
    const second = a.next(pass("C"));
    const { problems } = workflow("w", { definition: first.next(second) }).assemble();
    expect(problems.map((p) => [p.code, p.step])).toEqual([["SW2103", "A"]]);
    expect(problems[0]!.message).toBe('Step "A" continues to both "B" and "C"; a step has one next step (use a Choice to branch).');
  });

  test("idiomatic workflows assemble without problems", () => {
    const step = task("Charge", lambda.invoke<{ id: string }, unknown>("charge")).parameters<{ id: string }>(($) => ({ id: $.id }));
    expect(workflow("w", { definition: step.next(pass("Done")) }).assemble().problems).toEqual([]);
  });
});
