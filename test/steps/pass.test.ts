import { describe, expect, test } from "vitest";
import { pass, task, lambda, workflow, type OutputOf } from "stepwright";
import { expectTypeOf } from "vitest";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Order {
  id: string;
  total: number;
}

describe("a Pass state", () => {
  test("passes its input on unchanged when nothing is set", async () => {
    const asl = aslOf(workflow("p", { definition: pass<Order>("Start") }));
    expect(asl.States.Start).toEqual({ Type: "Pass", End: true });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { id: "1", total: 2 })).output).toEqual({ id: "1", total: 2 });
  });

  test("outputs a fixed Result, merged at ResultPath", async () => {
    const defaults = pass<Order>("Defaults").result({ currency: "EUR", retries: 3 }).resultPath("$.settings");
    expectTypeOf<OutputOf<typeof defaults>>().toEqualTypeOf<{
      id: string;
      total: number;
      settings: { readonly currency: "EUR"; readonly retries: 3 };
    }>();
    const asl = aslOf(workflow("p", { definition: defaults }));
    expect(asl.States.Defaults).toEqual({ Type: "Pass", Result: { currency: "EUR", retries: 3 }, ResultPath: "$.settings", End: true });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { id: "1", total: 2 })).output).toEqual({ id: "1", total: 2, settings: { currency: "EUR", retries: 3 } });
  });

  test("the result option of the factory is the same as .result()", () => {
    const a = aslOf(workflow("p", { definition: pass("A", { result: { x: 1 }, comment: "fixed" }) }));
    expect(a.States.A).toEqual({ Type: "Pass", Comment: "fixed", Result: { x: 1 }, End: true });
  });

  test("builds its output with Parameters, typed from the input", async () => {
    const shape = pass<Order>("Shape").parameters(($) => ({ orderId: $.id, amount: $.total, kind: "order" }));
    expectTypeOf<OutputOf<typeof shape>>().toEqualTypeOf<{ orderId: string; amount: number; kind: string }>();
    const asl = aslOf(workflow("p", { definition: shape }));
    expect(asl.States.Shape.Parameters).toEqual({ "orderId.$": "$.id", "amount.$": "$.total", kind: "order" });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { id: "9", total: 4 })).output).toEqual({ orderId: "9", amount: 4, kind: "order" });
  });

  test("InputPath and OutputPath select, with their types", async () => {
    const inner = pass<{ order: Order }>("Inner").inputPath("$.order").outputPath("$.total");
    expectTypeOf<OutputOf<typeof inner>>().toEqualTypeOf<number>();
    const asl = aslOf(workflow("p", { definition: inner }));
    expect(asl.States.Inner).toEqual({ Type: "Pass", InputPath: "$.order", OutputPath: "$.total", End: true });
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { order: { id: "1", total: 8 } })).output).toBe(8);
  });

  test("takes its input type from the step before it", () => {
    const chain = task("Load", lambda<{ id: string }, Order>("load")).next(pass("Keep"));
    expectTypeOf<OutputOf<typeof chain>>().toEqualTypeOf<Order>();
  });
});
