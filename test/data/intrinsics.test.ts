import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { intrinsic, pass, type Ref, States, workflow } from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Input {
  name: string;
  csv: string;
  json: string;
  list: number[];
  n: number;
  obj: { a: number };
  other: { b: number };
}
const input: Input = { name: "O'Neil", csv: "a,b,c", json: '{"x":1}', list: [1, 2, 2, 3], n: 4, obj: { a: 1 }, other: { b: 2 } };

async function evaluate(build: ($: Ref<Input>) => unknown) {
  const step = pass<Input>("Eval").parameters(($) => ({ value: build($) }));
  const asl = aslOf(workflow("i", { definition: step }));
  expect(validate(asl)).toEqual([]);
  const result = await run(asl, input);
  return {
    expression: asl.States.Eval.Parameters["value.$"] as string,
    value: (result.output as { value: unknown } | undefined)?.value,
    error: result.error,
  };
}

describe("intrinsic functions", () => {
  test.each([
    [
      "States.Format",
      ($: Ref<Input>) => States.Format("Hello {}, you have {} items", $.name, $.n),
      "States.Format('Hello {}, you have {} items', $.name, $.n)",
      "Hello O'Neil, you have 4 items",
    ],
    ["States.StringToJson", ($: Ref<Input>) => States.StringToJson($.json), "States.StringToJson($.json)", { x: 1 }],
    ["States.JsonToString", ($: Ref<Input>) => States.JsonToString($.obj), "States.JsonToString($.obj)", '{"a":1}'],
    ["States.Array", ($: Ref<Input>) => States.Array<unknown>($.n, "x", 3), "States.Array($.n, 'x', 3)", [4, "x", 3]],
    ["States.ArrayPartition", ($: Ref<Input>) => States.ArrayPartition($.list, 3), "States.ArrayPartition($.list, 3)", [[1, 2, 2], [3]]],
    ["States.ArrayContains", ($: Ref<Input>) => States.ArrayContains($.list, 3), "States.ArrayContains($.list, 3)", true],
    ["States.ArrayRange", () => States.ArrayRange(1, 9, 4), "States.ArrayRange(1, 9, 4)", [1, 5, 9]],
    ["States.ArrayGetItem", ($: Ref<Input>) => States.ArrayGetItem($.list, 3), "States.ArrayGetItem($.list, 3)", 3],
    ["States.ArrayLength", ($: Ref<Input>) => States.ArrayLength($.list), "States.ArrayLength($.list)", 4],
    ["States.ArrayUnique", ($: Ref<Input>) => States.ArrayUnique($.list), "States.ArrayUnique($.list)", [1, 2, 3]],
    [
      "States.Hash",
      ($: Ref<Input>) => States.Hash($.csv, "SHA-256"),
      "States.Hash($.csv, 'SHA-256')",
      createHash("sha256").update("a,b,c").digest("hex"),
    ],
    ["States.JsonMerge", ($: Ref<Input>) => States.JsonMerge($.obj, $.other), "States.JsonMerge($.obj, $.other, false)", { a: 1, b: 2 }],
    ["States.MathAdd", ($: Ref<Input>) => States.MathAdd($.n, -1), "States.MathAdd($.n, -1)", 3],
    ["States.StringSplit", ($: Ref<Input>) => States.StringSplit($.csv, ","), "States.StringSplit($.csv, ',')", ["a", "b", "c"]],
    [
      "nested calls",
      ($: Ref<Input>) => States.ArrayLength(States.StringSplit($.csv, ",")),
      "States.ArrayLength(States.StringSplit($.csv, ','))",
      3,
    ],
  ] as const)("%s", async (_, build, expression, expected) => {
    const result = await evaluate(build);
    expect(result.expression).toBe(expression);
    expect(result.value).toEqual(expected);
  });

  test("States.MathRandom and States.UUID give values of the right shape", async () => {
    const random = await evaluate(() => States.MathRandom(1, 10));
    expect(random.expression).toBe("States.MathRandom(1, 10)");
    expect(random.value).toBeGreaterThanOrEqual(1);
    expect(random.value).toBeLessThanOrEqual(10);
    const seeded = await evaluate(() => States.MathRandom(1, 10, 7));
    expect(seeded.expression).toBe("States.MathRandom(1, 10, 7)");
    const uuid = await evaluate(() => States.UUID());
    expect(uuid.expression).toBe("States.UUID()");
    expect(uuid.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("States.Base64Encode and States.Base64Decode are written right (the local engine lacks them)", () => {
    const step = pass<Input>("B").parameters(($) => ({ enc: States.Base64Encode($.name), dec: States.Base64Decode("SGk=") }));
    const asl = aslOf(workflow("i", { definition: step }));
    expect(asl.States.B.Parameters).toEqual({ "enc.$": "States.Base64Encode($.name)", "dec.$": "States.Base64Decode('SGk=')" });
    expect(validate(asl)).toEqual([]);
  });

  // AWS reserves ' { } and \ in intrinsic string literals: each is escaped with a backslash.
  // aws-local-stepfunctions does not unescape them and asl-validator 4 rejects "\\", so these
  // cases check the emitted text (and the validator where it can judge), not an execution.
  test("string arguments escape quotes and braces", () => {
    const step = pass<Input>("Eval").parameters(() => ({ value: States.Array("it's", "{x}") }));
    const asl = aslOf(workflow("i", { definition: step }));
    expect(asl.States.Eval.Parameters["value.$"]).toBe("States.Array('it\\'s', '\\{x\\}')");
    expect(validate(asl)).toEqual([]);
  });

  test("string arguments escape backslashes", () => {
    const step = pass<Input>("Eval").parameters(() => ({ value: States.Array("a\\b") }));
    expect(aslOf(workflow("i", { definition: step })).States.Eval.Parameters["value.$"]).toBe("States.Array('a\\\\b')");
  });

  test("an array of references becomes States.Array", async () => {
    const step = pass<Input>("A").parameters(($) => ({ pair: [$.n, $.name] }));
    const asl = aslOf(workflow("i", { definition: step }));
    expect(asl.States.A.Parameters).toEqual({ "pair.$": "States.Array($.n, $.name)" });
    expect((await run(asl, input)).output).toEqual({ pair: [4, "O'Neil"] });
  });

  test("intrinsic(...) writes a call as it is given, spacing kept, and it runs", async () => {
    const result = await evaluate(() => intrinsic<string>("States.Format('{}-{}',$.name,$.n)"));
    expect(result.expression).toBe("States.Format('{}-{}',$.name,$.n)");
    expect(result.value).toBe("O'Neil-4");
    expect(() => intrinsic("$.name")).toThrow("intrinsic() takes an intrinsic call");
  });

  // Trailing blanks, as AWS's own language service accepts (asl-validator 4 does not): the text only.
  test("intrinsic(...) keeps trailing blanks", () => {
    const step = pass<Input>("Eval").parameters(() => ({ value: intrinsic("States.JsonToString($)  ") }));
    expect(aslOf(workflow("i", { definition: step })).States.Eval.Parameters["value.$"]).toBe("States.JsonToString($)  ");
  });
});
