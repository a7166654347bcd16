/**
 * Which steps count as declared (their input type written where they are made, so TypeScript checks
 * it and the declared-alone checks leave them be), read from the step's own calls in the source.
 */
import { describe, expect, test } from "vitest";
import type { StateNode } from "../../../src/ir/state.js";
import { typeArgumentsWritten } from "../../../compiler/typeflow/uses/declared.ts";
import { stepTexts } from "../../../compiler/typeflow/uses/step-text.ts";

/** The verdict for the step whose factory call starts `text` (one line, column 11: after `const s = `). */
function declared(kind: StateNode["kind"], text: string): boolean {
  const file = "/virtual/flow.ts";
  const state = { kind, name: "S", source: { file, line: 1, column: 11 } } as unknown as StateNode;
  return typeArgumentsWritten(stepTexts(new Map([[file, `const s = ${text};`]])))(state);
}

describe("a step's input type is written where it is made", () => {
  test.each([
    ["Choice", 'choice<Order>("Route").when(($) => $.total.gt(1), done)', true],
    ["Choice", 'choice("Route").when(($: Ref<Order>) => $.total.gt(1), done)', false], // a rule's `$`, not the step's
    ["Task", 'task("Charge", charge).parameters<Order>(($) => ({ id: $.id }))', true],
    ["Task", 'task("Charge", charge).parameters(($: Ref<Order>) => ({ id: $.id }))', true],
    ["Task", 'task("Charge", charge).inputPath(($: Ref<Order>) => $.payment).retry({ errors: ["X"] })', true],
    ["Task", 'task("Charge", lambda<Order, Receipt>("charge"))', true],
    ["Task", 'task("Charge", lambda<unknown, Receipt>("charge"))', false], // its output only
    ["Task", 'task("Charge", lambda<Order, Receipt>("charge")).parameters(($) => ({ id: $.id }))', false], // the request is built from an undeclared `$`
    ["Task", 'task("List", sdk<{ Bucket: string }, unknown>("s3", "listObjectsV2"))', false], // an SDK call's first type is its request
    ["Task", 'task("Charge", charge, { parameters: ($: Ref<Order>) => ({ id: $.id }) })', true],
    ["Pass", 'pass("Shape", { parameters: ($: Ref<Order>) => ({ id: $.id }) })', true],
    ["Map", 'map("Each", { items: ($: Ref<Order>) => $.lines, process: ship })', true],
    ["Map", 'map("Each", { itemSelector: ($: Ref<Order>, item) => ({ id: $.id }), process: ship })', true],
    ["Map", 'map("Each", { items: "$.lines", process: task("Ship", ship).parameters(($: Ref<Line>) => $.sku) })', false], // a nested step's
    ["Parallel", 'parallel<Order>("Both", [a, b])', true],
    ["Wait", 'wait("Later", { seconds: 5 })', false],
  ] as const)("%s: %s", (kind, text, expected) => {
    expect(declared(kind, text)).toBe(expected);
  });
});
