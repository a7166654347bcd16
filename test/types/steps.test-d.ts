// What must and must not compile when steps are joined. Checked by `tsc --noEmit` in `npm test`.
import { expectTypeOf } from "vitest";
import {
  choice,
  dynamodb,
  fail,
  type InputOf,
  lambda,
  map,
  type OutputOf,
  parallel,
  pass,
  type Ref,
  succeed,
  task,
  wait,
  workflow,
  type Workflow,
} from "stepwright";
import { z } from "zod";

interface Order {
  id: string;
  total: number;
}
interface Validated extends Order {
  valid: boolean;
}

const validate = task("Validate", lambda<Order, Validated>("validate"));
const charge = task("Charge", lambda<{ total: number }, { chargeId: string }>("charge"));

// `.next` accepts a step whose input accepts the output.
validate.next(charge);
// @ts-expect-error Charge2 needs total: string, Validate gives a number
validate.next(task("Charge2", lambda<{ total: string }, unknown>("c")));
// @ts-expect-error Ship needs address, which Validate does not give
validate.next(task("Ship", lambda<{ address: string }, unknown>("s")));

// A merged result keeps every field of the actual input (not only what the step declared).
const merged = validate.next(charge.resultPath("$.charge"));
expectTypeOf<OutputOf<typeof merged>>().toEqualTypeOf<{ id: string; total: number; valid: boolean; charge: { chargeId: string } }>();
// ResultPath null, Wait and a bare Pass pass the input on; a step written inline takes its input type from the chain.
const passthrough = validate
  .next(task("Audit", lambda<{ id: string }, unknown>("audit")).resultPath(null))
  .next(wait("Pause", { seconds: 1 }))
  .next(pass("P"));
expectTypeOf<OutputOf<typeof passthrough>>().toEqualTypeOf<Validated>();

// Selectors and path strings are checked.
task("Sel", lambda<{ n: number }, unknown>("x")).parameters<Order>(($) => ({ n: $.total }));
// @ts-expect-error no field "totl"
task("Sel2", lambda<{ n: number }, unknown>("x")).parameters<Order>(($) => ({ n: $.totl }));
// @ts-expect-error n must be a number
task("Sel3", lambda<{ n: number }, unknown>("x")).parameters<Order>(($) => ({ n: $.id }));
pass<Order>("Path").outputPath("$.total");
// @ts-expect-error "$.totl" is not a path of Order
pass<Order>("Path2").outputPath("$.totl");

// Terminal steps have no `.next`, and a chain ending in one cannot go on.
// @ts-expect-error Succeed is terminal
succeed("Done").next(pass("After"));
// @ts-expect-error Fail is terminal
fail("Failed").next(pass("After"));
const ended = validate.next(succeed("Done"));
// @ts-expect-error the chain ends in Succeed
ended.next(pass("After"));

// Catch handlers get { Error, Cause }, or the input merged at resultPath.
validate.catch("States.ALL", task("H1", lambda<{ Error: string; Cause: string }, unknown>("h")));
validate.catch("States.ALL", task("H2", lambda<{ id: string; err: { Error: string } }, unknown>("h")), { resultPath: "$.err" });
// @ts-expect-error the handler needs "extra", which a catcher does not give
validate.catch("States.ALL", task("H3", lambda<{ Error: string; extra: number }, unknown>("h")));
// @ts-expect-error without resultPath the handler does not get the order
validate.catch("States.ALL", task("H4", lambda<{ id: string }, unknown>("h")));

// Choice branches are checked against the Choice's input; its output is the union of branches.
const routed = choice<Validated>("Route")
  .when(($) => $.total.gt(100), task("Big", lambda<Order, { big: true }>("b")))
  .otherwise(task("Small", lambda<Order, { big: false }>("s")));
expectTypeOf<OutputOf<typeof routed>>().toEqualTypeOf<{ big: true } | { big: false }>();
// @ts-expect-error the branch needs a string total
choice<Validated>("Bad").when(($) => $.valid.eq(true), task("X", lambda<{ total: string }, unknown>("x")));
// @ts-expect-error "valid" is boolean: no gt
choice<Validated>("Bad2").when(($) => $.valid.gt(1), succeed("Y"));

// Parallel gives a tuple, Map an array.
const both = parallel("Both", [validate, charge]);
expectTypeOf<OutputOf<typeof both>>().toEqualTypeOf<[Validated, { chargeId: string }]>();
expectTypeOf<InputOf<typeof both>>().toEqualTypeOf<Order & { total: number }>();
const each = map("Each", { items: ($: Ref<{ orders: Order[] }>) => $.orders }).process(validate);
expectTypeOf<OutputOf<typeof each>>().toEqualTypeOf<Validated[]>();

// Workflows: the input schema must fit the first step.
const Input = z.object({ id: z.string(), total: z.number() });
const ok = workflow("ok", { input: Input, definition: validate });
expectTypeOf(ok).toEqualTypeOf<Workflow<{ id: string; total: number }, Validated>>();
// @ts-expect-error the first step needs total, the schema does not have it
workflow("bad", { input: z.object({ id: z.string() }), definition: validate });

// DynamoDB's getItem leaves Item out when no item has the key: optional, unless the call assumes it found.
interface Job {
  status: { S: string };
}
const lookUp = task("Look", dynamodb.getItem<Job>("Jobs"));
expectTypeOf<OutputOf<typeof lookUp>["Item"]>().toEqualTypeOf<Job | undefined>();
const found = task("Found", dynamodb.getItem<Job>("Jobs", { assumeFound: true }));
expectTypeOf<OutputOf<typeof found>["Item"]>().toEqualTypeOf<Job>();
const readStatus = pass("Status").parameters(($: Ref<{ Item: Job }>) => ({ status: $.Item.status.S }));
found.next(readStatus);
// @ts-expect-error Status needs Item, which getItem may leave out
lookUp.next(readStatus);
