import { task, lambda, choice, succeed, fail, workflow, pass, wait, parallel, map, type Ref } from "stepwright";

interface Order { id: string; total: number; status: "new" | "paid"; items: { sku: string; qty: number }[]; note?: string }
interface Validated extends Order { valid: boolean }

const validate = task("ValidateOrder", lambda<Order, Validated>("validate-order"));
// contextual inference of parameters' $ from .next
const c1 = validate.next(task("Charge", lambda<{ amount: number }, { chargeId: string }>("c")).parameters(($) => ({ amount: $.total })));
// pass passes through typed?
const c2 = validate.next(pass("P")).next(task("Charge2", lambda<{ total: number }, {}>("c")));
// mismatch should error:
// @ts-expect-error total is number, not string
const c3 = validate.next(task("X", lambda<{ total: string }, {}>("x")));
const t: Ref<Order> = null!;
// @ts-expect-error no matches on number
t.total.matches("*");
// @ts-expect-error wrong literal
t.status.eq("shipped");
t.status.eq("paid");
// @ts-expect-error terminal has no next
succeed("S").next(pass("x"));
const ch = choice<Validated>("Big?").when(($) => $.total.gt(100), pass("Review")).otherwise(succeed("Done"));
const c4 = validate.next(ch);
const cc = validate.catch("States.ALL", task("H", lambda<{ Error: string; Cause: string }, {}>("h")));
// @ts-expect-error handler wants more than it gets
const cd = validate.catch("States.ALL", task("H2", lambda<{ Error: string; extra: number }, {}>("h")));
const ce = validate.catch("States.ALL", task("H3", lambda<{ id: string; error: { Error: string } }, {}>("h")), { resultPath: "$.error" });
const rp = task("R", lambda<Order, { x: number }>("r")).resultPath("$.result.x");
type RpOut = typeof rp extends { next: any } ? import("stepwright").OutputOf<typeof rp> : never;
const rpo: RpOut = null!;
rpo.result.x.x; rpo.id;
const par = parallel("Par", [task("A", lambda<Order, { a: 1 }>("a")), task("B", lambda<{ id: string }, { b: 2 }>("b"))]);
type ParOut = import("stepwright").OutputOf<typeof par>;
const po: ParOut = [{ a: 1 }, { b: 2 }];
type ParIn = import("stepwright").InputOf<typeof par>;
const pi: ParIn = { id: "", total: 1, status: "new", items: [] };
const m = map("M", { items: "$.items" }).process(task("Line", lambda<{ sku: string; qty: number }, { ok: boolean }>("l")));
type MIn = import("stepwright").InputOf<typeof m>;
const mi: MIn = { items: [{ sku: "a", qty: 1 }] };
const mm = validate.next(m);
const m2 = map("M2", { items: ($: Ref<Order>) => $.items }).process(task("Line2", lambda<{ sku: string; qty: number }, { ok: boolean }>("l")));
// @ts-expect-error item type mismatch
const m3 = map("M3", { items: ($: Ref<Order>) => $.items }).process(task("Line3", lambda<{ sku: number }, { ok: boolean }>("l")));
const w = workflow("w", { definition: validate.next(ch) });
type M2In = import("stepwright").InputOf<typeof m2>;
const m2i: M2In = { id: "", total: 1, status: "new", items: [] };
