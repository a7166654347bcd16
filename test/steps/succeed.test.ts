import { describe, expect, test } from "vitest";
import { pass, succeed, workflow } from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

describe("a Succeed state", () => {
  test("ends the execution with its input as output", async () => {
    const asl = aslOf(workflow("s", { definition: pass<{ a: { b: number } }>("Start").next(succeed("Done")) }));
    expect(asl.States.Done).toEqual({ Type: "Succeed" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { a: { b: 1 } })).output).toEqual({ a: { b: 1 } });
  });

  test("may filter its output with InputPath and OutputPath", async () => {
    const asl = aslOf(workflow("s", { definition: succeed<{ a: { b: number } }>("Done").inputPath("$.a").outputPath("$.b") }));
    expect(asl.States.Done).toEqual({ Type: "Succeed", InputPath: "$.a", OutputPath: "$.b" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { a: { b: 7 } })).output).toBe(7);
  });
});
