/**
 * Local-run throughput: state transitions per second on a generated 200-step workflow (Tasks with
 * retries, Pass, Wait, Choice), on Stepwright's engine and on aws-local-stepfunctions, side by
 * side. Median of 5 runs after one warm-up; every Task answered by a mock at once.
 */
import { pathToFileURL } from "node:url";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workflow } from "stepwright";
import { emitAsl } from "../compiler/emit/asl/index.ts";
import { runLocally, taskStates } from "../compiler/run/local.ts";
import { runOnAwsLocal } from "../test/support/aws-local.ts";
import { generateWorkflow } from "./generate.ts";
import { median, printTable } from "./table.ts";

async function throughput(
  run: () => Promise<{ path: readonly string[]; error?: unknown }>,
): Promise<{ perSecond: number; transitions: number }> {
  await run();
  const rates: number[] = [];
  let transitions = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = await run();
    if (result.error) throw new Error(`the bench run failed: ${JSON.stringify(result.error)}`);
    transitions = result.path.length;
    rates.push(transitions / ((performance.now() - start) / 1000));
  }
  return { perSecond: median(rates), transitions };
}

export async function localRunTable(size = 200): Promise<void> {
  const dir = join(import.meta.dirname, ".generated", `run-n${size}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "workflow.ts"), generateWorkflow(size));
  const { generated } = (await import(pathToFileURL(join(dir, "workflow.ts")).href)) as { generated: Workflow<unknown, unknown> };
  const asl = emitAsl(generated.assemble().ir, { region: "us-east-1", account: "123456789012" }) as Record<string, any>;
  const mocks = Object.fromEntries(taskStates(asl).map(({ name }) => [name, () => ({ n: 1, tag: "t", v: 1 })]));
  const input = { n: 0, tag: "t" };
  const engine = await throughput(() => runLocally(asl, input, { mocks }));
  const oracle = await throughput(() => runOnAwsLocal(asl, input, { mocks }));
  printTable(
    ["local run, 200 steps", "transitions", "transitions/s"],
    [
      ["Stepwright engine", String(engine.transitions), engine.perSecond.toFixed(0)],
      ["aws-local-stepfunctions", String(oracle.transitions), oracle.perSecond.toFixed(0)],
    ],
  );
}
