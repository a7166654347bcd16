/**
 * The read checks ask a type checker over a pipe, ahead of need (every arrival's type in one batch).
 * When the checks end, no question may still be out: the caller closes the checker next, and a
 * question left running is rejected then, with no one to hear it (an unhandled rejection).
 */
import { expect, test } from "vitest";
import { checkUses, type Use } from "../../../compiler/typeflow/uses/check.ts";
import type { TypeOps } from "../../../compiler/typeflow/uses/types.ts";

test("checkUses returns only once every type it asked ahead for is answered, even one no check needed", async () => {
  let answered = false;
  const ops = {
    flowingAt: (sites: readonly unknown[]) =>
      new Promise<undefined[]>((resolve) =>
        setTimeout(() => {
          answered = true;
          resolve(sites.map(() => undefined));
        }, 50),
      ),
    open: () => false,
    inputOf: async () => undefined,
  } as unknown as TypeOps<unknown>;
  const site = { file: "/w.ts", line: 1, column: 1 };
  // A declared step reached only by a Choice's rule: its check asks no type at the rule's site (it is compared both ways anyway), and its input's type is not found.
  const use: Use = {
    consumer: "Debit",
    consumerKind: "Task",
    site,
    reads: [],
    declared: true,
    arrivals: [{ site, producer: 'Choice "HowToPay"', producerName: "HowToPay", via: "rule", narrowing: true, before: [] }],
  };
  expect(await checkUses(ops, [use])).toEqual([]);
  expect(answered).toBe(true);
});
