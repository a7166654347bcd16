/**
 * The types a chain computes describe what it really outputs: random chains of the DSL's
 * operations, each built, run by aws-local-stepfunctions on a sample input, and the output it
 * really gave written as a literal of the type TypeScript computes for the workflow's output.
 * TypeScript itself (the native `tsc`) must accept every literal, excess properties included: a
 * type that lost a field, or named one the run never produced, fails.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { agreedRun } from "../support/oracles.ts";
import { root } from "../support/compile.ts";
import { tempProject } from "../support/temp-project.ts";

type Value = Record<string, unknown>;
const input: Value = { id: "a1", n: 7, tags: ["x", "y"], nested: { a: 1, b: "z" } };
const inputType = "interface Input { id: string; n: number; tags: string[]; nested: { a: number; b: string } }";

/** One operation of a chain: the code that writes it, given the value that reaches it (to pick fields it can read). */
type Op = (i: number, value: Value) => string | undefined;
const fieldsOf = (value: Value, test: (v: unknown) => boolean) => Object.keys(value).filter((k) => test(value[k]));

const ops = (pick: number, threshold: number, resultPath: 0 | 1 | 2): Op[] => [
  (i) => `pass("S${i}")`,
  (i) => `wait("S${i}", { seconds: 0 })`,
  (i) => `pass("S${i}").result({ v: ${threshold} }).resultPath("$.r${i}")`,
  (i, value) => {
    const keys = Object.keys(value);
    return keys.length === 0 ? undefined : `pass("S${i}", { parameters: ($) => ({ p${i}: $.${keys[pick % keys.length]} }) })`;
  },
  (i) =>
    `task("S${i}", lambda<unknown, { v: number; w: string }>("f${i}"))${[".resultPath(null)", `.resultPath("$.t${i}")`, ""][resultPath]}`,
  (i) => `task("S${i}", lambda<unknown, { v: number; w: string }>("f${i}")).resultPath("$.t${i}").outputPath("$.t${i}")`,
  (i, value) => {
    const numbers = fieldsOf(value, (v) => typeof v === "number");
    if (numbers.length === 0) return undefined;
    const field = numbers[pick % numbers.length];
    return `choice("S${i}", (c) => c.when(($) => $.${field}.gt(${threshold}), pass("A${i}")).otherwise(pass("B${i}").result({ b: 1 }).resultPath("$.b${i}")))`;
  },
  (i, value) => {
    const arrays = fieldsOf(value, Array.isArray);
    if (arrays.length === 0) return undefined;
    return `map("S${i}", { items: ($) => $.${arrays[pick % arrays.length]}, process: task("M${i}", lambda<unknown, { len: number }>("m${i}")) }).resultPath("$.m${i}")`;
  },
  (i) => `parallel("S${i}", [pass("X${i}"), task("Q${i}", lambda<unknown, { q: number }>("q${i}"))]).resultPath("$.par${i}")`,
];

const chainSpec = fc.array(
  fc.record({
    op: fc.nat(8),
    pick: fc.nat(10),
    threshold: fc.integer({ min: 0, max: 10 }),
    resultPath: fc.constantFrom(0 as const, 1 as const, 2 as const),
  }),
  { minLength: 1, maxLength: 6 },
);

/** Mocks for every Task a chain can hold, keyed by state name: fixed results that tell the calls apart. */
const mocks = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [
    [`S${i}`, () => ({ v: i, w: `w${i}` })],
    [`M${i}`, () => ({ len: i })],
    [`Q${i}`, () => ({ q: i })],
  ]).flat(),
);

const dir = tempProject({ "src/chain.ts": "" });
const source = (steps: string[], after: string) =>
  `import { choice, lambda, map, type OutputOf, parallel, pass, task, wait, workflow } from "stepwright";\n${inputType}\n` +
  `export const chain = workflow("chain", { definition: pass<Input>("Start")${steps.map((s) => `\n  .next(${s})`).join("")} });\n${after}`;

test("the output type TypeScript computes for a random chain accepts what the chain really outputs", async () => {
  await fc.assert(
    fc.asyncProperty(chainSpec, async (spec) => {
      // The steps: each op written for the value that reaches it; the value tracked by running the chain so far.
      const steps: string[] = [];
      let value = input;
      for (const [i, { op, pick, threshold, resultPath }] of spec.entries()) {
        const code = ops(pick, threshold, resultPath)[op]!(i, value);
        if (code === undefined) continue;
        steps.push(code);
        writeFileSync(join(dir, "src/chain.ts"), source(steps, ""));
        const { diagnostics, workflows } = await compile({ cwd: dir, files: ["src/chain.ts"], checkOnly: true });
        expect(diagnostics, source(steps, "")).toEqual([]);
        const run = await agreedRun(workflows[0]!.asl, input, mocks);
        expect(run.error, source(steps, "")).toBeUndefined();
        value = run.output as Value;
      }
      writeFileSync(join(dir, "src/chain.ts"), source(steps, `export const ran: OutputOf<typeof chain> = ${JSON.stringify(value)};\n`));
      const tsc = spawnSync(join(root, "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8" });
      expect(tsc.stdout + tsc.stderr, source(steps, `ran: ${JSON.stringify(value)}`)).toBe("");
    }),
    { numRuns: Number(process.env.TYPE_FLOW_RUNS ?? 25), seed: 1125 },
  );
}, 600_000);
