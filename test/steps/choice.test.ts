import jsonataLib from "jsonata";
import { describe, expect, test } from "vitest";
import {
  and,
  booleanPath,
  choice,
  type Condition,
  fail,
  jsonata,
  jsonPath,
  lambda,
  not,
  or,
  pass,
  type Ref,
  States,
  stringPath,
  succeed,
  task,
  timestamp,
  type Timestamp,
  wait,
  workflow,
} from "stepwright";
import { aslOf, run, validate } from "../support/oracles.ts";

interface Order {
  total: number;
  limit: number;
  status: "new" | "paid" | "cancelled";
  file: string;
  express: boolean;
  rush: boolean;
  placedAt: Timestamp;
  dueAt: Timestamp;
  owner: string;
  approver: string;
  note?: string | null;
}

const order: Order = {
  total: 120,
  limit: 100,
  status: "paid",
  file: "invoice.pdf",
  express: true,
  rush: true,
  placedAt: "2024-05-01T10:00:00Z" as Timestamp,
  dueAt: "2024-05-03T10:00:00Z" as Timestamp,
  owner: "ann",
  approver: "bob",
};

/** A one-rule Choice on `condition`: returns its ASL and whether it matched `input` when run. */
async function decide(condition: ($: Ref<Order>) => Condition, input: Order) {
  const flow = choice<Order>("Decide").when(condition, succeed("Yes")).otherwise(fail("No"));
  const asl = aslOf(workflow("c", { definition: flow }));
  expect(validate(asl)).toEqual([]);
  const result = await run(asl, input);
  return { rule: asl.States.Decide.Choices[0], matched: result.path.includes("Yes") };
}

describe("a Choice state", () => {
  test.each([
    ["numbers: gt", ($: Ref<Order>) => $.total.gt(100), { Variable: "$.total", NumericGreaterThan: 100 }, true],
    ["numbers: gte", ($: Ref<Order>) => $.total.gte(121), { Variable: "$.total", NumericGreaterThanEquals: 121 }, false],
    ["numbers: lt", ($: Ref<Order>) => $.total.lt(200), { Variable: "$.total", NumericLessThan: 200 }, true],
    ["numbers: lte", ($: Ref<Order>) => $.total.lte(119), { Variable: "$.total", NumericLessThanEquals: 119 }, false],
    ["numbers: eq", ($: Ref<Order>) => $.total.eq(120), { Variable: "$.total", NumericEquals: 120 }, true],
    ["numbers: path to path", ($: Ref<Order>) => $.total.gt($.limit), { Variable: "$.total", NumericGreaterThanPath: "$.limit" }, true],
    ["strings: eq", ($: Ref<Order>) => $.status.eq("paid"), { Variable: "$.status", StringEquals: "paid" }, true],
    ["strings: lt", ($: Ref<Order>) => $.owner.lt("bob"), { Variable: "$.owner", StringLessThan: "bob" }, true],
    ["strings: glob", ($: Ref<Order>) => $.file.matches("*.pdf"), { Variable: "$.file", StringMatches: "*.pdf" }, true],
    [
      "strings: path to path",
      ($: Ref<Order>) => $.owner.eq(stringPath($.approver)),
      { Variable: "$.owner", StringEqualsPath: "$.approver" },
      false,
    ],
    ["booleans: eq", ($: Ref<Order>) => $.express.eq(false), { Variable: "$.express", BooleanEquals: false }, false],
    [
      "booleans: path to path",
      ($: Ref<Order>) => $.express.eq(booleanPath($.rush)),
      { Variable: "$.express", BooleanEqualsPath: "$.rush" },
      true,
    ],
    [
      "timestamps: before a Date",
      ($: Ref<Order>) => $.placedAt.lt(new Date("2024-06-01T00:00:00Z")),
      { Variable: "$.placedAt", TimestampLessThan: "2024-06-01T00:00:00.000Z" },
      true,
    ],
    [
      "timestamps: literal",
      ($: Ref<Order>) => $.placedAt.eq(timestamp("2024-05-01T10:00:00Z")),
      { Variable: "$.placedAt", TimestampEquals: "2024-05-01T10:00:00Z" },
      true,
    ],
    [
      "timestamps: path to path",
      ($: Ref<Order>) => $.placedAt.gte(timestamp($.dueAt)),
      { Variable: "$.placedAt", TimestampGreaterThanEqualsPath: "$.dueAt" },
      false,
    ],
    ["type test: present", ($: Ref<Order>) => $.note.isPresent(), { Variable: "$.note", IsPresent: true }, false],
    ["type test: null", ($: Ref<Order>) => $.note.isNull(), { Variable: "$.note", IsNull: true }, false],
    ["type test: string", ($: Ref<Order>) => $.owner.isString(), { Variable: "$.owner", IsString: true }, true],
    ["type test: numeric", ($: Ref<Order>) => $.owner.isNumeric(), { Variable: "$.owner", IsNumeric: true }, false],
    ["type test: boolean", ($: Ref<Order>) => $.rush.isBoolean(), { Variable: "$.rush", IsBoolean: true }, true],
    ["type test: timestamp", ($: Ref<Order>) => $.dueAt.isTimestamp(), { Variable: "$.dueAt", IsTimestamp: true }, true],
    ["type test expecting false: absent", ($: Ref<Order>) => $.note.isPresent(false), { Variable: "$.note", IsPresent: false }, true],
    [
      "type test expecting false: not a string",
      ($: Ref<Order>) => $.owner.isString(false),
      { Variable: "$.owner", IsString: false },
      false,
    ],
    ["a path written as JSONPath", () => jsonPath<string>("$.file").matches("*.pdf"), { Variable: "$.file", StringMatches: "*.pdf" }, true],
    [
      "and",
      ($: Ref<Order>) => and($.total.gt(100), $.status.eq("paid")),
      {
        And: [
          { Variable: "$.total", NumericGreaterThan: 100 },
          { Variable: "$.status", StringEquals: "paid" },
        ],
      },
      true,
    ],
    [
      "or",
      ($: Ref<Order>) => or($.total.lt(10), $.status.eq("new")),
      {
        Or: [
          { Variable: "$.total", NumericLessThan: 10 },
          { Variable: "$.status", StringEquals: "new" },
        ],
      },
      false,
    ],
    ["not", ($: Ref<Order>) => not($.status.eq("cancelled")), { Not: { Variable: "$.status", StringEquals: "cancelled" } }, true],
  ] as const)("%s", async (_, condition, expected, matches) => {
    const { rule, matched } = await decide(condition, order);
    expect(rule).toEqual({ ...expected, Next: "Yes" });
    expect(matched).toBe(matches);
  });

  test("the same conditions in a JSONata workflow decide the same way (checked with the JSONata engine)", async () => {
    const conditions: (($: Ref<Order>) => Condition)[] = [
      ($) => $.total.gt($.limit),
      ($) => $.file.matches("*.pdf"),
      ($) => $.file.matches("*.doc"),
      ($) => $.placedAt.lt(new Date("2024-06-01T00:00:00Z")),
      ($) => $.placedAt.gte(timestamp($.dueAt)),
      ($) => and($.total.gt(100), not($.status.eq("new"))),
      ($) => or($.note.isPresent(), $.rush.isBoolean()),
      ($) => $.dueAt.isTimestamp(),
      ($) => $.owner.isNumeric(),
      ($) => $.note.isPresent(false),
      ($) => $.rush.isBoolean(false),
    ];
    for (const condition of conditions) {
      const { matched } = await decide(condition, order);
      const rule = choice<Order>("D").when(condition, succeed("Y"));
      const asl = aslOf(workflow("c", { queryLanguage: "JSONata", definition: rule }));
      expect(validate(asl)).toEqual([]);
      const expression = asl.States.D.Choices[0].Condition as string;
      expect(expression).toMatch(/^\{% .* %\}$/);
      const body = expression.slice(3, -3);
      const value = await jsonataLib(body).evaluate({}, { states: { input: order } });
      expect({ body, value: Boolean(value) }).toEqual({ body, value: matched });
    }
  });

  test("Default, Comment, and `.next` after a Choice joins every open branch", async () => {
    const small = pass<Order>("Small").result("small").resultPath("$.size");
    const large = pass<Order>("Large").result("large").resultPath("$.size");
    const flow = choice<Order>("Size?")
      .when(($) => $.total.gt(100), large, { comment: "big ones" })
      .otherwise(small)
      .next(pass("Joined"));
    const asl = aslOf(workflow("c", { definition: flow }));
    expect(asl.States["Size?"]).toEqual({
      Type: "Choice",
      Choices: [{ Variable: "$.total", NumericGreaterThan: 100, Next: "Large", Comment: "big ones" }],
      Default: "Small",
    });
    expect(asl.States.Large.Next).toBe("Joined");
    expect(asl.States.Small.Next).toBe("Joined");
    expect(validate(asl)).toEqual([]);
    expect((await run(asl, { ...order, total: 5 })).output).toMatchObject({ size: "small" });
    expect((await run(asl, order)).output).toMatchObject({ size: "large" });
  });

  test("a rule may set variables and (JSONata) the output its target receives", async () => {
    const flow = choice<Order>("Route")
      .when(() => jsonata<boolean>("$states.input.total > 100"), succeed("Big"), {
        assign: () => ({ route: jsonata("'big'") }),
        output: () => ({ total: jsonata("$states.input.total") }),
      })
      .otherwise(succeed("Small"));
    const asl = aslOf(workflow("c", { queryLanguage: "JSONata", definition: flow }));
    expect(asl.States.Route.Choices[0]).toEqual({
      Condition: "{% $states.input.total > 100 %}",
      Next: "Big",
      Assign: { route: "{% 'big' %}" },
      Output: { total: "{% $states.input.total %}" },
    });
    expect(validate(asl)).toEqual([]);
  });

  test("a loop back to the Choice itself: a branch chains to the Choice as first written, before its rules", async () => {
    interface Counter {
      n: number;
    }
    const atLimit = choice<Counter>("AtLimit?");
    const bump = pass<Counter>("Bump").parameters(($) => ({ n: States.MathAdd($.n, 1) }));
    const loop = atLimit.when(($) => $.n.lt(3), bump.next(atLimit)).otherwise(succeed("Done"));
    const asl = aslOf(workflow("c", { definition: loop }));
    expect(Object.keys(asl.States)).toEqual(["AtLimit?", "Bump", "Done"]);
    expect(asl.States.Bump.Next).toBe("AtLimit?");
    expect(validate(asl)).toEqual([]);
    const result = await run(asl, { n: 0 });
    expect(result.output).toEqual({ n: 3 });
    expect(result.path.filter((s) => s === "Bump")).toHaveLength(3);
  });

  test("without Default, no match fails with States.NoChoiceMatched", async () => {
    const asl = aslOf(workflow("c", { definition: choice<Order>("Only").when(($) => $.total.gt(1000), succeed("Big")) }));
    expect(asl.States.Only.Default).toBeUndefined();
    expect((await run(asl, order)).error?.name).toBe("States.NoChoiceMatched");
  });

  test("a step already in the graph makes a loop (polling)", async () => {
    interface Job {
      id: string;
      status: "RUNNING" | "DONE";
    }
    const poll = wait<Job>("Wait a bit", { seconds: 10 });
    const check = task("Check", lambda<Job, Job>("check-job"));
    const done = choice<Job>("Done?")
      .when(($) => $.status.eq("DONE"), succeed("Finished"))
      .otherwise(poll);
    const asl = aslOf(workflow("loop", { definition: poll.next(check).next(done) }));
    expect(asl.States["Done?"].Default).toBe("Wait a bit");
    expect(Object.keys(asl.States)).toEqual(["Wait a bit", "Check", "Done?", "Finished"]);
    expect(validate(asl)).toEqual([]);
    let calls = 0;
    const result = await run(asl, { id: "j", status: "RUNNING" }, { Check: (i) => ({ ...i, status: ++calls === 3 ? "DONE" : "RUNNING" }) });
    expect(result.path).toEqual([
      "Wait a bit",
      "Check",
      "Done?",
      "Wait a bit",
      "Check",
      "Done?",
      "Wait a bit",
      "Check",
      "Done?",
      "Finished",
    ]);
  });

  test("a JSONata condition can be written as an expression", () => {
    const asl = aslOf(
      workflow("c", {
        queryLanguage: "JSONata",
        definition: choice<Order>("Expr").when(($) => jsonata<boolean>`${$.total} * 2 > ${$.limit}`, succeed("Y")),
      }),
    );
    expect(asl.States.Expr.Choices).toEqual([{ Condition: "{% $states.input.total * 2 > $states.input.limit %}", Next: "Y" }]);
    expect(validate(asl)).toEqual([]);
  });
});
