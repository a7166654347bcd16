// Types follow the data with no re-declaration. Checked by `tsc --noEmit` in `npm test`: an
// `@ts-expect-error` that is not needed fails the check, and so does every expectTypeOf.
import { expectTypeOf } from "vitest";
import { choice, type InputOf, lambda, map, type OutputOf, parallel, pass, succeed, task, wait, workflow } from "stepwright";
import * as sw from "stepwright";
import { task as step } from "stepwright";
import { testWorkflow } from "stepwright/testing";

interface Job {
  jobId: string;
  status: string;
  fraudScore: number;
  listing: { images: { url: string }[] };
}
type JobWith<K extends string, V> = { jobId: string; status: string; fraudScore: number; listing: { images: { url: string }[] } } & {
  [P in K]: V;
};
type Simplified<T> = { [K in keyof T]: T[K] };
const poll = task("Poll", lambda<{ jobId: string }, Job>("poll"));
const done = succeed("Done");
const later = wait("Later", { seconds: 5 });
const resize = task("Resize", lambda<{ url: string }, { width: number; height: number }>("resize"));
const record = task("RecordJob", lambda<{ jobId: string }, { recorded: true }>("record"));

// ── Inline: a step written where its predecessor is known takes its input from it. ──────────────
// Choice: the rules go in a function, whose `$` is the output of the step before.
const risky = poll.next(choice("Risky?", (c) => c.when(($) => $.fraudScore.gt(50), done).otherwise(pass("Fine"))));
expectTypeOf<OutputOf<typeof risky>>().toEqualTypeOf<Job>();
// @ts-expect-error no field "fraudScor" on Job
poll.next(choice("Typo?", (c) => c.when(($) => $.fraudScor.gt(50), done)));
// @ts-expect-error fraudScore is a number: no .matches
poll.next(choice("Glob?", (c) => c.when(($) => $.fraudScore.matches("9*"), done)));
// Map: the processor in the options; `items` reads the output of the step before.
const sizes = poll.next(map("ResizeAll", { items: ($) => $.listing.images, process: resize }).resultPath("$.sizes"));
expectTypeOf<OutputOf<typeof sizes>>().toEqualTypeOf<Simplified<JobWith<"sizes", { width: number; height: number }[]>>>();
// @ts-expect-error no field "imagez"
poll.next(map("Bad", { items: ($) => $.listing.imagez, process: resize }));
// Pass: `parameters` in the options.
const shaped = poll.next(pass("Shape", { parameters: ($) => ({ id: $.jobId, score: $.fraudScore }) }));
expectTypeOf<OutputOf<typeof shaped>>().toEqualTypeOf<{ id: string; score: number }>();
// @ts-expect-error no field "jobID"
poll.next(pass("Shape2", { parameters: ($) => ({ id: $.jobID }) }));
// Task: the request builder as the third argument, or `.parameters` as the last call.
poll.next(task("Notify", lambda<{ id: string }, void>("notify"), { parameters: ($) => ({ id: $.jobId }) }));
// @ts-expect-error id must be a string, fraudScore is a number
poll.next(task("Notify2", lambda<{ id: string }, void>("notify"), { parameters: ($) => ({ id: $.fraudScore }) }));
// Parallel: each branch written inline takes the Parallel's input.
const both = poll.next(
  parallel("Both", [
    pass("A", { parameters: ($) => ({ a: $.jobId }) }),
    choice("B", (c) => c.when(($) => $.fraudScore.gt(1), done).otherwise(pass("C"))),
  ]),
);
expectTypeOf<OutputOf<typeof both>>().toEqualTypeOf<[{ a: string }, Job]>();
// A Choice's targets written inline take the Choice's input.
choice<Job>("Route").when(
  ($) => $.fraudScore.gt(1),
  task("Hold", lambda<{ id: string }, void>("hold"), { parameters: ($) => ({ id: $.jobId }) }),
);
choice<Job>("Route2").when(
  ($) => $.fraudScore.gt(1),
  // @ts-expect-error no field "jobID" on the Choice's input
  task("Hold2", lambda<{ id: string }, void>("hold"), { parameters: ($) => ({ id: $.jobID }) }),
);

// ── Declared alone: no TypeScript error by itself; the compiler checks it where it is used. ──────
const jobComplete = choice("JobComplete?")
  .when(($) => $.status.eq("SUCCEEDED"), done)
  .otherwise(later);
const alonePass = pass("Alone").parameters(($) => ({ id: $.jobId }));
const aloneMap = map("AloneMap", { items: "$.listing.images" }).process(resize);
const aloneParallel = parallel("AloneParallel", [record, task("Other", lambda<{ other: number }, string>("o"))]);
poll.next(jobComplete);
poll.next(alonePass);
poll.next(aloneMap);
expectTypeOf<InputOf<typeof aloneParallel>>().toEqualTypeOf<{ jobId: string } & { other: number }>();

// ── No false alarm: a Map declared with a path, starting a sub-chain, keeps what is not its own. ─
const resizeAll = map("ResizeAll2", { items: "$.listing.images" }).process(resize).resultPath("$.resized");
poll.next(resizeAll.next(record));
const merged = poll.next(resizeAll);
expectTypeOf<OutputOf<typeof merged>>().toEqualTypeOf<Simplified<JobWith<"resized", { width: number; height: number }[]>>>();

// ── A workflow's output is the union of what its ends produce (Succeed passes its input on). ─────
const ending = workflow("ending", { definition: poll.next(jobComplete) });
expectTypeOf<OutputOf<typeof ending>>().toEqualTypeOf<Job>();
const branches = workflow("branches", {
  definition: poll.next(choice("Done?", (c) => c.when(($) => $.status.eq("A"), done).otherwise(record))),
});
expectTypeOf<OutputOf<typeof branches>>().toEqualTypeOf<Job | { recorded: true }>();

// ── Typed mocks: a missing or mistyped field is an error at the mock. ────────────────────────────
const resizing = workflow("resizing", { definition: resize });
testWorkflow(resizing).mock(resize, () => ({ width: 640, height: 480 }));
testWorkflow(resizing).mock(resize, async (req) => ({ width: req.url.length, height: 1 }));
// @ts-expect-error height is missing
testWorkflow(resizing).mock(resize, () => ({ width: 640 }));
// @ts-expect-error width must be a number
testWorkflow(resizing).mock(resize, () => ({ width: "640", height: 480 }));
testWorkflow(resizing).mock("Resize", () => "anything: a state given by name is not typed");

// ── Namespace and renamed imports are the same DSL. ──────────────────────────────────────────────
const viaNamespace = sw
  .task("NsPoll", sw.lambda<{ jobId: string }, Job>("poll"))
  .next(step("NsRecord", sw.lambda<{ jobId: string }, void>("r")));
expectTypeOf<InputOf<typeof viaNamespace>>().toEqualTypeOf<{ jobId: string }>();
sw.task("NsPoll2", sw.lambda<{ jobId: string }, Job>("poll"))
  .next(map("M", { items: "$.listing.images" }).process(resize))
  // @ts-expect-error RecordJob needs jobId, the Map gives an array
  .next(record);

// ── Data not declared stays loose: paths into it, and what is merged into it, are not made up. ──
// A result not declared (`unknown`): any path selects from it, and what it selects is not known either.
const untyped = task("Untyped", sw.resource("arn:aws:states:::athena:getQueryResults")).outputPath("$.ResultSet.Rows");
expectTypeOf<OutputOf<typeof untyped>>().toEqualTypeOf<unknown>();
// Merged into an input not declared, a result leaves the whole output not declared (not `{ r: R }`).
const mergedLoose = task("Merged", sw.resource<unknown, { id: string }>("arn:aws:states:::athena:getQueryResults"))
  .resultPath("$.r")
  .outputPath("$.other");
expectTypeOf<OutputOf<typeof mergedLoose>>().toEqualTypeOf<unknown>();
// A path the types do not walk (a slice, a filter, a deep scan) selects what only the data knows.
const sliced = poll.next(pass("Rows").outputPath("$.listing.images[1:]"));
expectTypeOf<OutputOf<typeof sliced>>().toEqualTypeOf<unknown>();
// A path string does not make up the input type it reads from (`{ delay: any } & { d: any }` it was).
expectTypeOf(wait("Delay", { secondsPath: "$.delay" })).toEqualTypeOf<sw.Wait<any>>();
// A key written as ASL writes it is that field, of a type only the data knows.
const written = pass("Written", { parameters: () => ({ "total.$": "$..price", label: "x" }) });
expectTypeOf<OutputOf<typeof written>>().toEqualTypeOf<{ total: unknown; label: string }>();
// jsonPath(...) not declared is loose, as the fields of an undeclared `$` are.
expectTypeOf(sw.jsonPath("$..price")).toEqualTypeOf<sw.Ref<any>>();
// A path's fields after an index are walked (`$[0].body` is the first element's body).
expectTypeOf<sw.AtPath<{ body: string }[], "$[0].body">>().toEqualTypeOf<string>();
// A Wait declared on its own takes typed path strings into its input.
wait<{ payload: { waitTime: number } }>("Declared", { secondsPath: "$.payload.waitTime" });
// @ts-expect-error no field "waitTme"
wait<{ payload: { waitTime: number } }>("Typo", { secondsPath: "$.payload.waitTme" });
// The context object, and what only the data selects, are paths into any declared input.
poll.next(pass("Ctx").outputPath("$$.Execution.Input"));
// A catcher with `resultPath: null` hands its handler the step's input as it was.
const keeps = task("Keeps", lambda<{ jobId: string }, Job>("keep")).catch(
  "States.ALL",
  task("Log", lambda<{ jobId: string }, unknown>("log")),
  { resultPath: null },
);
void keeps;
// @ts-expect-error without resultPath the handler gets only { Error, Cause }: no jobId
task("Loses", lambda<{ jobId: string }, Job>("lose")).catch("States.ALL", task("Log2", lambda<{ jobId: string }, unknown>("log")));
// What is not declared (`unknown`) may be handed to any step: the compiler checks what it reads.
task("Untyped2", lambda("arn:aws:lambda:us-east-1:123456789012:function:f")).next(record);
// Below a field not declared, any path, and what it selects is not declared either.
const belowUnknown = pass<{ detail: unknown }>("Below").outputPath("$.detail.requestParameters.key");
expectTypeOf<OutputOf<typeof belowUnknown>>().toEqualTypeOf<unknown>();
// Merged into a field not declared, the result joins whatever the field holds.
const intoUnknown = pass<{ stateoutput: unknown }>("Into")
  .result({ ok: true })
  .resultPath("$.stateoutput.step")
  .outputPath("$.stateoutput.other");
expectTypeOf<OutputOf<typeof intoUnknown>>().toEqualTypeOf<unknown>();

// ── The data-flow methods give the same type in any order they are called. ──────────────────────
type Shaped = { jobId: string; status: string; fraudScore: number; listing: { images: { url: string }[] }; score: { s: number } };
const selectedThenMerged = task("A1", lambda<{ jobId: string }, Job>("a"))
  .resultSelector((r) => ({ s: r.fraudScore }))
  .resultPath("$.score");
const mergedThenSelected = task("A2", lambda<{ jobId: string }, Job>("a"))
  .resultPath("$.score")
  .resultSelector((r) => ({ s: r.fraudScore }));
expectTypeOf<OutputOf<typeof selectedThenMerged>>().toEqualTypeOf<OutputOf<typeof mergedThenSelected>>();
const scored = poll.next(mergedThenSelected);
expectTypeOf<OutputOf<typeof scored>>().toEqualTypeOf<Shaped>();
// `.parameters` written last still takes its `$` from the step before, and the result merges into what that step gave.
const lastParameters = poll.next(
  task("Notify3", lambda<{ id: string }, { sent: true }>("notify"))
    .resultPath("$.sent")
    .parameters(($) => ({ id: $.jobId })),
);
expectTypeOf<OutputOf<typeof lastParameters>>().toEqualTypeOf<Simplified<JobWith<"sent", { sent: true }>>>();
poll.next(
  task("Notify4", lambda<{ id: string }, void>("notify"))
    .resultPath(null)
    // @ts-expect-error no field "jobID"
    .parameters(($) => ({ id: $.jobID })),
);
// InputPath, then Parameters built from what it selects: the step still takes the whole input.
const nested = task("Nested", lambda<{ id: string }, void>("n"))
  .inputPath("$.job")
  .parameters(($: sw.Ref<{ jobId: string }>) => ({ id: $.jobId }));
expectTypeOf<InputOf<typeof nested>>().toEqualTypeOf<sw.Holding<"$.job", { jobId: string }>>();
expectTypeOf<InputOf<typeof nested>>().toMatchTypeOf<{ job: { jobId: string } }>();
// A selector's InputPath selects the request itself unless Parameters build it (written first, they do).
const selected = task("Selected", lambda<{ id: string }, void>("s"))
  .parameters(($: sw.Ref<Job>) => ({ id: $.jobId }))
  .inputPath(($: sw.Ref<{ job: Job }>) => $.job);
expectTypeOf<InputOf<typeof selected>>().toMatchTypeOf<{ job: Job }>();
task("Selected2", lambda<{ id: string }, void>("s"))
  .parameters(($: sw.Ref<Job>) => ({ id: $.jobId }))
  // @ts-expect-error the Parameters build from a Job, and the InputPath selects a listing
  .inputPath(($: sw.Ref<Job>) => $.listing);
// @ts-expect-error without Parameters, what the InputPath selects is the request: a Job has no "id"
task("Selected3", lambda<{ id: string }, void>("s")).inputPath(($: sw.Ref<{ job: Job }>) => $.job);
// An InputPath selecting what is not declared (`jsonPath(...)`) still leaves the declared input as the step's input.
const selectedLoose = task("Loose", lambda<unknown, void>("l"))
  .inputPath(($: sw.Ref<{ job: Job }>) => sw.jsonPath("$.job"))
  .parameters(($) => ({ id: $.anything }));
expectTypeOf<InputOf<typeof selectedLoose>>().toMatchTypeOf<{ job: Job }>();

// ── What a Succeed state receives ends the branch, the item or the workflow with it. ─────────────
const eachEnds = map("EachEnds", { items: ($: sw.Ref<{ jobs: Job[] }>) => $.jobs, process: succeed("ItemDone") });
expectTypeOf<OutputOf<typeof eachEnds>>().toEqualTypeOf<Job[]>();
const branchEnds = parallel("BranchEnds", [poll, poll.next(succeed("BranchDone"))]);
expectTypeOf<OutputOf<typeof branchEnds>>().toEqualTypeOf<[Job, Job]>();
// A chain that ends everywhere has no `.next`; one that ends in some branches goes on from the others.
const partly = poll.next(choice("Partly", (c) => c.when(($) => $.fraudScore.gt(1), done).otherwise(pass("On"))));
expectTypeOf<OutputOf<typeof partly>>().toEqualTypeOf<Job>();
partly.next(record);

// ── A mock stands in for the integration: it returns the raw result, before ResultSelector. ──────
const reshaped = task("Reshape", lambda<{ url: string }, { width: number; height: number }>("resize")).resultSelector((r) => ({
  area: r.width,
}));
testWorkflow(workflow("reshaping", { definition: reshaped })).mock(reshaped, () => ({ width: 1, height: 2 }));
// @ts-expect-error the integration returns width and height, not what the ResultSelector makes of them
testWorkflow(workflow("reshaping2", { definition: reshaped })).mock(reshaped, () => ({ area: 2 }));

// ── A Map's items given by a path type its item, declared on its own or written inline. ─────────
interface Lines {
  orderId: string;
  lines: { sku: string; qty: number }[];
}
const shipLine = task("ShipLine", lambda<{ sku: string; orderId: string }, void>("ship"));
map("ByPath", { items: "$.lines", itemSelector: ($, item) => ({ sku: item.value.sku, orderId: $.orderId }) }).process(shipLine);
pass<Lines>("Lines").next(
  map("ByPath2", { items: "$.lines", itemSelector: ($, item) => ({ sku: item.value.sku, orderId: $.orderId }), process: shipLine }),
);

// ── A Parallel needs what its branches declare, whatever the branches that declare nothing. ─────
const labelled = parallel("Labelled", [pass("Invoice"), task("Label", lambda<{ address: string }, void>("label"))]);
expectTypeOf<InputOf<typeof labelled>>().toEqualTypeOf<{ address: string }>();
task("Load", lambda<{ id: string }, { id: string }>("load")).next(
  // @ts-expect-error Load gives no address, which the Label branch needs
  parallel("Labelled2", [pass("Invoice2"), task("Label2", lambda<{ address: string }, void>("label"))]),
);
