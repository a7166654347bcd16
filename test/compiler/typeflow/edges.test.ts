/**
 * Every edge carries a type: catchers (with and without resultPath), loops' back edges, chains
 * nested in `.next`, Parallel branches, Map items given by a path, optional fields and unions that a
 * Choice narrows. Each fixture under test/fixtures/edges/ says in its first line what it shows; a
 * finding is placed at the read (the selector, the condition, the path string) with the edge the
 * data came in by as related information. The local runner confirms the workflows the checker
 * accepts or rejects where a run can show it. AWS's behaviour they follow: a path that points to no
 * value fails the state with States.Runtime
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html); a catcher's
 * ResultPath puts the error output into the state's input, without its result
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html, "Use
 * ResultPath in a Catch to include the error with the original input").
 */
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { agreedRun } from "../../support/oracles.ts";
import { fixturePath, root } from "../../support/compile.ts";

// Every fixture in one compile (as `stepwright check` of a folder would): each test reads its own file's part.
let compiled: CompileResult;
beforeAll(async () => {
  const files = readdirSync(fixturePath("edges")).map((f) => `test/fixtures/edges/${f}`);
  compiled = await compile({ files, cwd: root, checkOnly: true });
}, 480_000);
const diagnosticsOf = async (fixture: string) => compiled.diagnostics.filter((d) => d.file === fixturePath(fixture));

type Row = [
  fixture: string,
  code: string,
  at: [line: number, column: number],
  steps: string[],
  message: string,
  related?: [line: number, column: number],
];

const reported: Row[] = [
  // A catcher hands its handler the step's input (not its result) with the error at resultPath.
  [
    "catch-builder-handler.ts",
    "SW1001",
    [6, 36],
    ["ChargeCard", "Alert"],
    '"Alert" reads input.charge (parameters.Message.Message), but the catcher on "ChargeCard" does not provide it.',
    [8, 105],
  ],
  [
    "catch-resultpath-read.ts",
    "SW1001",
    [5, 61],
    ["ChargeCard", "Report"],
    '"Report" reads input.errorInfo (parameters.cause), but the catcher on "ChargeCard" does not provide it.',
    [6, 82],
  ],
  [
    "catch-without-resultpath.ts",
    "SW1001",
    [4, 61],
    ["ChargeCard", "Refund"],
    '"Refund" reads input.orderId (parameters.order), but the catcher on "ChargeCard" does not provide it. A catcher without resultPath passes only { Error, Cause }; set resultPath to keep the step\'s input.',
    [5, 96],
  ],
  // What reaches a loop's target along its back edge is checked too, to a fixpoint.
  [
    "loop-back-edge.ts",
    "SW1001",
    [7, 58],
    ["Rebuild", "Notify"],
    '"Notify" reads input.owner (parameters.to), but "Rebuild" (through "Poll", Choice "Done?") does not provide it.',
    [8, 122],
  ],
  [
    "map-path-items-typo.ts",
    "SW1001",
    [6, 96],
    ["Start", "EachLine"],
    '"EachLine" reads input.lines[].skuu (itemSelector.sku), but "Start" does not provide it.',
    [8, 85],
  ],
  [
    "nested-chain.ts",
    "SW1001",
    [11, 137],
    ["Store", "Index"],
    '"Index" needs input.missingField (string), but "Store" does not provide it.',
  ],
  // A need inside a Parallel branch names the branch step, declared on its own or written inline.
  [
    "parallel-branch.ts",
    "SW1001",
    [4, 56],
    ["Load", "Label"],
    '"Label" reads input.address (parameters.to), but "Load" (through Parallel "Prepare") does not provide it.',
    [7, 135],
  ],
  [
    "parallel-branch-inline.ts",
    "SW1001",
    [6, 43],
    ["Load", "Label"],
    '"Label" (in a branch of Parallel "Prepare") needs input.address (string), but "Load" does not provide it.',
    [6, 5],
  ],
  // A field that may be missing: optional, or in only some members of a union.
  [
    "optional-read.ts",
    "SW1003",
    [4, 58],
    ["LookupCustomer", "Notify"],
    '"Notify" reads input.email (parameters.to), but "LookupCustomer" may leave it out (it is optional there).',
    [6, 147],
  ],
  [
    "union-unguarded.ts",
    "SW1003",
    [5, 64],
    ["Load", "Card"],
    '"Card" reads input.method.last4 (parameters.last4), but "Load" may leave it out (only some of the types it gives have it).',
    [7, 114],
  ],
  [
    "union-narrowed-wrong.ts",
    "SW1001",
    [5, 63],
    ["Load", "Card"],
    '"Card" reads input.method.iban (parameters.iban), but "Load" (through Choice "HowToPay") does not provide it.',
    [8, 119],
  ],
  // A declared input where TypeScript sees `any` (a Map of undeclared input merged its result): the result written there decides.
  [
    "nested-chain-map.ts",
    "SW1002",
    [7, 15],
    ["EachPage", "Index"],
    '"Index" needs input.texts as a number, but "EachPage" gives { text: string; }[].',
    [10, 104],
  ],
  // A Choice's branch targets take what their rule lets through: the member of a union it tests for, or (the default) what no rule took.
  [
    "choice-union-wrong-rule.ts",
    "SW1002",
    [5, 15],
    ["Load", "Debit"],
    '"Debit" needs input.method.kind as "bank", but "Load" (through Choice "HowToPay") gives "card".',
    [9, 33],
  ],
  [
    "choice-union-wrong-default.ts",
    "SW1002",
    [6, 19],
    ["Load", "RetryCard"],
    '"RetryCard" needs input.method.kind as "card", but "Load" (through Choice "HowToPay") gives "bank".',
    [10, 83],
  ],
  // What a step declared on its own puts in its request, against the integration's request type.
  [
    "request-field-type.ts",
    "SW1002",
    [4, 120],
    ["Price", "Save"],
    '"Save" needs input.total as a string (parameters.Item.total.N), but "Price" gives number.',
    [6, 151],
  ],
];

const accepted = [
  "catch-error-fields.ts",
  "loop-keeps-fields.ts",
  "nested-keeps-fields.ts",
  "map-path-items.ts",
  "map-path-items-inline.ts",
  "optional-read-guarded.ts",
  "union-narrowed.ts",
  // Written inline, a Choice narrows a union as the form declared on its own does: each target takes its member.
  "choice-union.ts",
  // Found by the corpus census (distributed-data-stream-aggregator): what a state's own ASL hands on (`.asl({ OutputPath })`) no type says.
  "choice-output-asl.ts",
  "nested-chain-map-ok.ts",
  "request-field-type-ok.ts",
  // Found by the property test (seed 1314744090): a branch only data with an email takes is never reached by a catcher's error output.
  "catch-then-guard.ts",
  // Found by the property test (seed 424242): Choices that together no data passes guard a loop nothing reaches.
  "contradictory-guards.ts",
  // Found by the property test (seed 1321528030): a catcher's error output reaches a read an IsPresent of the same And guards.
  "catch-then-and-guard.ts",
];

describe("type flow along every edge", () => {
  test.each(reported)("%s: %s", async (fixture, code, [line, column], steps, message, related) => {
    const diagnostics = await diagnosticsOf(`edges/${fixture}`);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ code, severity: "error", file: fixturePath(`edges/${fixture}`), line, column, steps, message });
    if (related)
      expect(d!.related).toEqual([
        expect.objectContaining({ file: fixturePath(`edges/${fixture}`), line: related[0], column: related[1] }),
      ]);
    else expect(d!.related).toBeUndefined();
  });

  test.each(accepted)("%s: no finding", async (fixture) => {
    expect(await diagnosticsOf(`edges/${fixture}`)).toEqual([]);
  });

  test("the related place says which step receives its input there, and from where", async () => {
    const [d] = await diagnosticsOf("edges/loop-back-edge.ts");
    expect(d!.related![0]!.message).toBe('"Notify" receives its input here, from "Rebuild" (through "Poll", Choice "Done?").');
  });
});

/** Runs a fixture's workflow locally on `input`, each Task answering with `mocks`. */
async function run(fixture: string, input: unknown, mocks: Record<string, (input: unknown) => unknown>) {
  const workflow = compiled.workflows.find((w) => w.file === fixturePath(`edges/${fixture}`))!;
  return agreedRun(workflow.asl, input, mocks);
}

describe("the local runner bears the findings out", () => {
  const poll = () => {
    let calls = 0;
    return () => ({ done: calls++ > 0 });
  };

  test("the back edge loses owner: the second time round, Notify fails; where it keeps it, the run succeeds", async () => {
    const lost = await run("loop-back-edge.ts", { jobId: "j", owner: "ann" }, { Poll: poll() });
    expect(lost.error?.error).toBe("States.Runtime");
    expect(lost.failedState).toBe("Notify");
    const kept = await run("loop-keeps-fields.ts", { jobId: "j", owner: "ann" }, { Poll: poll() });
    expect(kept.output).toEqual({ to: "ann" });
  });

  test("a failed ChargeCard hands Alert its input with the error, without charge", async () => {
    const failed = await run(
      "catch-builder-handler.ts",
      { orderId: "o" },
      {
        ChargeCard: () => {
          throw Object.assign(new Error("declined"), { name: "Payments.Declined" });
        },
      },
    );
    expect(failed.error?.error).toBe("States.Runtime");
    expect(failed.failedState).toBe("Alert");
  });

  test("Charge hands on the email it never declared; the catcher's error fields are there", async () => {
    expect((await run("nested-keeps-fields.ts", { orderId: "o", email: "a@b" }, { Charge: () => ({ id: "c" }) })).output).toEqual({
      to: "a@b",
      charge: "c",
    });
    const caught = await run(
      "catch-error-fields.ts",
      { orderId: "o" },
      {
        ChargeCard: () => {
          throw Object.assign(new Error("declined"), { name: "Payments.Declined" });
        },
      },
    );
    expect(caught.output).toEqual({ order: "o", why: "declined", what: "Payments.Declined" });
  });

  test("a failed Charge hands Recover only the error, which has no email: Read is never reached that way", async () => {
    const fail = () => {
      throw Object.assign(new Error("declined"), { name: "Payments.Declined" });
    };
    const caught = await run("catch-then-guard.ts", { id: "i", email: "a@b" }, { Charge: fail });
    expect(caught.error).toBeUndefined();
    expect(caught.path).toEqual(["Start", "Charge", "Recover", "HasEmail?", "NoEmail"]);
    expect((await run("catch-then-guard.ts", { id: "i", email: "a@b" }, { Charge: () => ({ v: 1 }) })).output).toEqual({ x: "i" });
  });

  test("a card payment takes the card branch and reads last4; a bank payment never gets there", async () => {
    const load = (payment: unknown) => ({ Load: () => payment });
    expect((await run("union-narrowed.ts", { id: "p" }, load({ method: { kind: "card", last4: "4242" } }))).output).toEqual({
      last4: "4242",
    });
    expect((await run("union-narrowed.ts", { id: "p" }, load({ method: { kind: "bank", iban: "DE00" } }))).output).toEqual({
      iban: "DE00",
    });
    expect((await run("union-unguarded.ts", { id: "p" }, load({ method: { kind: "bank", iban: "DE00" } }))).error?.error).toBe(
      "States.Runtime",
    );
  });

  test("the Choice's own OutputPath hands Again the job, with the id and done it needs", async () => {
    let given: unknown;
    const job = { id: "j", done: false };
    await run("choice-output-asl.ts", { id: "j" }, { Start: () => ({ job }), Again: (input) => void (given = input) });
    expect(given).toEqual(job);
  });

  test("written inline, the Choice sends a card payment to ChargeCard and a bank payment to Debit; swapped, each gets the other", async () => {
    const given: Record<string, unknown> = {};
    const mocks = (payment: unknown) => ({
      Load: () => payment,
      ChargeCard: (input: unknown) => void (given.ChargeCard = input),
      Debit: (input: unknown) => void (given.Debit = input),
    });
    const card = { method: { kind: "card", last4: "4242" } };
    const bank = { method: { kind: "bank", iban: "DE00" } };
    expect((await run("choice-union.ts", { id: "p" }, mocks(card))).path).toEqual(["Load", "HowToPay", "ChargeCard"]);
    expect((await run("choice-union.ts", { id: "p" }, mocks(bank))).path).toEqual(["Load", "HowToPay", "Debit"]);
    expect(given).toEqual({ ChargeCard: card, Debit: bank });
    // Where the rule sends cards to Debit, Debit is handed a card: what the finding says.
    delete given.Debit;
    await run("choice-union-wrong-rule.ts", { id: "p" }, mocks(card));
    expect(given.Debit).toEqual(card);
  });
});

describe("known gaps, kept visible", () => {
  // TypeScript types what a step hands on (resultPath null) as its declared input: a Lambda that
  // declares only what it needs seems to drop the rest. Fix: a chain's input gathering what its
  // steps need of the data they pass on (their own checks deferred to where the chain is used).
  test("a step that declares only what it needs and hands its input on: the next step's other fields seem not provided", async () => {
    const diagnostics = await diagnosticsOf("edges/declared-pass-through.ts");
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["SW1001", 7, 120, '"K1" needs input.id (string), but "K0" does not provide it.'],
    ]);
    const run = await agreedRun(
      compiled.workflows.find((w) => w.file === fixturePath("edges/declared-pass-through.ts"))!.asl,
      { id: "i", n: 1 },
      { K0: () => ({ v: 1 }), K1: (input) => input },
    );
    expect(run.error).toBeUndefined();
  });
});
