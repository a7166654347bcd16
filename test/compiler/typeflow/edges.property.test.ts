/**
 * The checker against the local runner, on every edge kind: random workflows (random-flow.ts) whose
 * steps are declared on their own and chained in nested chains, with Choices, catchers, loops,
 * Parallel branches and Map items, and an input with an optional field and a union. Each is run
 * locally down every path (an input of each shape, each Choice both ways, each catchable Task
 * succeeding and failing, each loop going round 0, 1 and 2 times): the checker must
 * report an error exactly when some run reads a field that is not there, or hands a Lambda an input
 * its declared type does not allow (the mock fails the run; AWS fails a read of a missing field with
 * States.Runtime, https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html;
 * the local engine says "Path expression ... does not point to a value"). A report no run bears out
 * is a false alarm; a run that fails unreported is a missed error.
 *
 * `npm test` runs EDGE_FLOW_RUNS=20 (the default); `npm run soak` runs 1,000 with a new seed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { agreedRun } from "../../support/oracles.ts";
import { tempProject } from "../../support/temp-project.ts";
import { contractBroken, flowSource, flowSpec, inputs, scenarios } from "./random-flow.ts";

const runs = Number(process.env.EDGE_FLOW_RUNS ?? 20);
// The soak draws a new seed each time (fast-check prints it with a counterexample); npm test keeps one.
const seed = process.env.EDGE_FLOW_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.EDGE_FLOW_SEED ?? 3207);
const dir = tempProject({ "src/flow.ts": "" });

/** The first run, over every path, that reads a field that is not there: its path and error. */
async function failingRun(asl: Record<string, unknown>, drivers: Parameters<typeof scenarios>[0]): Promise<string | undefined> {
  for (const input of inputs) {
    for (const mocks of scenarios(drivers)) {
      const run = await agreedRun(asl, input, mocks);
      if (run.error?.error === "States.Runtime" || run.error?.error === contractBroken)
        return `${JSON.stringify(input)}: ${run.path.join(" → ")}: ${String(run.error.cause)}`;
      expect(run.error?.error ?? "none", JSON.stringify(run)).toMatch(/^(none|Boom)$/);
    }
  }
  return undefined;
}

test("the checker reports a workflow exactly when one of its runs reads a field that is not there", async () => {
  await fc.assert(
    fc.asyncProperty(flowSpec, async (spec) => {
      const { code, drivers } = flowSource(spec);
      writeFileSync(join(dir, "src/flow.ts"), code);
      const { diagnostics, workflows } = await compile({ cwd: dir, files: ["src/flow.ts"], checkOnly: true });
      const errors = diagnostics.filter((d) => d.severity === "error");
      // Built even where the checks report: the workflow as written, as AWS would run it.
      expect(workflows, `${code}\n${JSON.stringify(diagnostics, null, 2)}`).toHaveLength(1);
      const failing = await failingRun(workflows[0]!.asl, drivers);
      const said = errors.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join("\n");
      expect({ reported: said || undefined, failing }, code).toEqual(
        failing ? { reported: expect.any(String), failing } : { reported: undefined, failing: undefined },
      );
    }),
    { numRuns: runs, seed },
  );
}, 900_000);
