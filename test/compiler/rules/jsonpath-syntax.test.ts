import { describe, expect, test } from "vitest";
import { choice, fail, jsonPath, pass, type Ref, States, succeed, wait, workflow } from "stepwright";
import { emitAsl } from "../../../compiler/emit/asl/index.ts";
import { jsonPathSyntax } from "../../../compiler/rules/jsonpath-syntax.ts";
import { dynamicValueError } from "../../../compiler/syntax/intrinsic.ts";
import { jsonPathError } from "../../../compiler/syntax/jsonpath.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2011 jsonpath-syntax", () => {
  test("a raw path string that does not parse", async () => {
    await expectFixture("rules/jsonpath-syntax.ts", {
      code: "SW2011",
      line: 5,
      column: 15,
      steps: ["UntilDue"],
      message: `Step "UntilDue", TimestampPath: "$.due[" is not valid: '[' at position 5 is never closed.`,
    });
  });

  test.each([
    ["$", undefined],
    ["$$.Execution.Id", undefined],
    ["$.orders[0].lines[*].sku", undefined],
    ["$..price", undefined],
    ["$.items[?(@.price > 10)]", undefined],
    ["$.items[1:3]", undefined],
    ["$['first name']", undefined],
    ["$myVariable.total", undefined],
    // A dot before brackets, as AWS's own samples write it (and AWS runs them); trailing blanks.
    ["$.Snapshots.[0].State", undefined],
    ["$.[?(@.OU > 0)]", undefined],
    ["$$.Execution.Name ", undefined],
    ["orders", "a path starts with $"],
    ["$.a.", "a name is missing after '.'"],
    ["$.a[x]", "'x' is not an index"],
    ["$.a b", "unexpected ' '"],
  ])("JSONPath %s", (path, problem) => {
    if (problem === undefined) expect(jsonPathError(path)).toBeUndefined();
    else expect(jsonPathError(path)).toContain(problem);
  });

  test("ResultPath is a reference path: no wildcards, filters or context object", () => {
    expect(jsonPathError("$.result['a b'][0]", { reference: true })).toBeUndefined();
    expect(jsonPathError("$.items[*]", { reference: true })).toContain("a reference path allows only");
    expect(jsonPathError("$..x", { reference: true })).toContain("'..'");
    expect(jsonPathError("$$.Execution", { reference: true })).toContain("context object");
  });

  test("intrinsic calls in .$ values", () => {
    expect(dynamicValueError("States.Format('Order {} of {}', $.id, States.ArrayLength($.lines))")).toBeUndefined();
    expect(dynamicValueError("States.MathAdd($.n, -1)")).toBeUndefined();
    expect(dynamicValueError("States.Frobnicate($.n)")).toBe("States.Frobnicate is not an intrinsic function");
    expect(dynamicValueError("States.Format('unclosed, $.n)")).toContain("never closed");
    expect(dynamicValueError("States.Array($.a,)")).toContain("argument expected");
    expect(dynamicValueError("States.JsonToString($)    ")).toBeUndefined();
  });

  test("a Fail state's ErrorPath and CausePath: a path, or an intrinsic that gives a string", () => {
    const wf = (error: string, cause: string) =>
      workflow("f", { definition: fail("F", { error: () => jsonPath(error), cause: () => jsonPath(cause) }) });
    expect(findings(jsonPathSyntax, wf("$.error", "$.cause"))).toEqual([]);
    const withCalls = workflow("g", {
      definition: fail("F", { error: ($) => States.Format("{} failed", $.step), cause: () => States.UUID() }),
    });
    expect(findings(jsonPathSyntax, withCalls)).toEqual([]);
    expect(emitAsl(withCalls.assemble().ir).States).toEqual({
      F: { Type: "Fail", ErrorPath: "States.Format('{} failed', $.step)", CausePath: "States.UUID()" },
    });
    const numeric = workflow("h", { definition: fail("F", { cause: ($) => States.MathAdd($.a, 1) as never }) });
    expect(findings(jsonPathSyntax, numeric)).toEqual([
      'Step "F", CausePath: "States.MathAdd($.a, 1)" is not valid: CausePath takes a path or an intrinsic that gives a string (States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash, States.UUID), not States.MathAdd.',
    ]);
  });

  test("what the builder writes (selectors, intrinsics, conditions) always parses", () => {
    const wf = workflow("ok", {
      definition: pass("Shape")
        .parameters(($: Ref<{ id: string; lines: { sku: string }[]; n: number; m: number }>) => ({
          label: States.Format("Order {}", $.id),
          count: States.ArrayLength($.lines),
        }))
        .resultPath("$.shaped")
        .next(wait("W", { secondsPath: "$.delay" as never }))
        .next(
          choice<{ n: number; m: number }>("C")
            .when(($) => $.n.gt($.m), succeed("Yes"))
            .otherwise(succeed("No")),
        ),
    });
    expect(findings(jsonPathSyntax, wf)).toEqual([]);
  });
});
