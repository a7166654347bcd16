// Choice operators exist only on fields of a fitting type.
import { and, booleanPath, not, or, type Ref, stringPath, timestamp, type Timestamp } from "stepwright";

interface Order {
  total: number;
  status: "new" | "paid";
  owner: string;
  express: boolean;
  placedAt: Timestamp;
  lines: { sku: string }[];
  note?: string;
}
declare const $: Ref<Order>;

// Fitting operators compile.
and($.total.gt(1), $.total.lte($.total), $.status.eq("paid"), $.owner.matches("a*"), $.owner.eq(stringPath($.owner)));
or($.express.eq(true), $.express.eq(booleanPath($.express)), $.placedAt.lt(new Date()), $.placedAt.gt(timestamp($.placedAt)));
not($.note.isPresent());
$.lines[0]!.sku.eq("x");

// @ts-expect-error numbers have no glob match
$.total.matches("*");
// @ts-expect-error "shipped" is not a status
$.status.eq("shipped");
// @ts-expect-error strings compare with strings
$.owner.gt(3);
// @ts-expect-error booleans have no ordering
$.express.gt(true);
// @ts-expect-error a timestamp compares with a Date or timestamp(...), not a number
$.placedAt.lt(5);
// @ts-expect-error a timestamp does not compare with a plain string (use timestamp("..."))
$.placedAt.lt("2024-01-01T00:00:00Z");
// @ts-expect-error objects and arrays have no comparison operators
$.lines.eq(1);
// @ts-expect-error no such field
$.totl.gt(1);
// @ts-expect-error a string field is not compared with a number field
$.owner.eq($.total);
