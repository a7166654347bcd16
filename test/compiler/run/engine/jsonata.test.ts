/**
 * The engine parses each JSONata expression once and keeps it for the next run, but not for ever:
 * a watch session or a test suite that runs many workflows keeps only the most recently used, so
 * memory stays bounded however many expressions it sees.
 */
import { expect, test } from "vitest";
import { compiledExpressions, evaluateField } from "../../../../compiler/run/engine/jsonata.ts";

const scope = { states: { input: { n: 2 }, context: {} }, variables: {}, partition: "aws", state: "S" };

test("parsed expressions are kept up to a bound, the most recently used last out; each still evaluates right", async () => {
  const bound = compiledExpressions.max;
  for (let i = 0; i < bound + 500; i++) expect(await evaluateField(`{% $states.input.n + ${i} %}`, scope, "Output")).toBe(2 + i);
  expect(compiledExpressions.size).toBe(bound);
  // The newest are kept, the oldest gone; a gone one is parsed again when it runs again.
  expect(compiledExpressions.has(` $states.input.n + ${bound + 499} `)).toBe(true);
  expect(compiledExpressions.has(" $states.input.n + 0 ")).toBe(false);
  expect(await evaluateField("{% $states.input.n + 0 %}", scope, "Output")).toBe(2);
});
