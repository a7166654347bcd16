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
      message:
        'Step "Charge" sets Parameters, which JSONata states do not have; call .queryLanguage("JSONPath") on it or use the JSONata form.',
    });
    expect(problems[0]!.source?.file).toMatch(/problems\.test\.ts$/);
    expect(problems[0]!.source?.line).toBe(6);
  });

  test("SW2102: an intrinsic in a JSONata state cannot be written", () => {
    const step = pass<{ id: string }>("Shape")
      .queryLanguage("JSONata")
      .output(($) => ({ id: States.Format("x-{}", $.id) }));
    const { problems } = workflow("w", { definition: step }).assemble();
    expect(problems.map((p) => [p.code, p.step])).toEqual([["SW2102", "Shape"]]);
    expect(problems[0]!.message).toContain("States.* intrinsics are JSONPath-only");
  });

  test("SW2102: a Pass result that is not JSON (a BigInt, undefined, a cycle, a Date) names the step and where in the result", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [{ total: 10n }, "Result.total is a BigInt"],
      [{ list: [1, undefined] }, "Result.list[1] is undefined"],
      [cyclic, "Result.self refers back to itself"],
      [{ at: new Date(0) }, "Result.at is a Date, not a plain object"],
      [{ ratio: Number.NaN }, "Result.ratio is NaN"],
    ];
    for (const [result, where] of cases) {
      const { problems } = workflow("w", { definition: pass("Seed", { result: result as never }) }).assemble();
      expect(problems.map((p) => [p.code, p.step, p.message])).toEqual([
        ["SW2102", "Seed", `Step "Seed": ${where}; a Result must be JSON (strings, numbers, booleans, null, arrays, objects).`],
      ]);
    }
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
