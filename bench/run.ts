/**
 * Benchmarks the builder's type-check cost and the emit time for generated workflows of 10, 100,
 * 500 and 2,000 chained steps, and prints a table. Not a test: nothing here asserts a time.
 * The builder's cost is what a user's project pays: the generated file checked against the
 * package's published declarations (dist/, built first, as `npm pack` builds it). Beside it, the
 * same file checked against the sources with one checker (TypeScript 7 splits a program over four
 * by default, and each instantiates the DSL's types it needs again: the sources' own check
 * dominates that figure, and shifts with how the files fall).
 *   npm run bench            (all sizes)
 *   npm run bench -- 10 100  (chosen sizes)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Workflow } from "stepwright";
import { emitAsl, formatAsl } from "../compiler/emit/asl/index.ts";
import { assembleWorkflow } from "../src/lower/workflow.ts";
import { benchTsconfig, generateFloor, generateWorkflow } from "./generate.ts";
import { localRunTable } from "./local-run.ts";
import { startupTable } from "./startup.ts";
import { printTable } from "./table.ts";

const root = join(import.meta.dirname, ".generated");
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const tsc = join(import.meta.dirname, "../node_modules/.bin/tsc");

interface TscFigures {
  checkSeconds: number;
  instantiations: number;
  memoryMb: number;
  errors: string;
}

/** The published declarations, or the sources as the repository's own tsconfig maps them. */
type Against = { readonly stepwright: string; readonly checkers?: number };
const declarations: Against = { stepwright: join(import.meta.dirname, "../dist/src/index.d.ts") };
const sources: Against = { stepwright: join(import.meta.dirname, "../src/index.ts"), checkers: 1 };

function typeCheck(dir: string, file: string, against: Against = declarations): TscFigures {
  writeFileSync(join(dir, "tsconfig.json"), benchTsconfig([file], { paths: { stepwright: [against.stepwright] } }));
  let output: string;
  try {
    const checkers = against.checkers === undefined ? [] : ["--checkers", String(against.checkers)];
    output = execFileSync(tsc, ["--noEmit", "--extendedDiagnostics", ...checkers, "-p", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const figure = (name: string) => Number(new RegExp(`${name}:\\s+([\\d.]+)`).exec(output)?.[1] ?? NaN);
  const errors = [...output.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
  return {
    checkSeconds: figure("Check time"),
    instantiations: figure("Instantiations"),
    memoryMb: Math.round(figure("Memory used") / 1024),
    errors: errors.length === 0 ? "none" : [...new Set(errors)].join(" "),
  };
}

async function emitMilliseconds(workflow: Workflow<unknown, unknown>): Promise<{ ms: number; asl: unknown; bytes: number }> {
  const times: number[] = [];
  let asl: unknown;
  let text = "";
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    // Assembled afresh each time (Workflow.assemble() caches its result).
    const { ir } = assembleWorkflow(workflow.name, workflow.options, workflow.definition, workflow.source);
    asl = emitAsl(ir, { region: "us-east-1", account: "123456789012" });
    text = await formatAsl(asl);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2]!, asl, bytes: Buffer.byteLength(text) };
}

execFileSync("npm", ["run", "--silent", "build"], { cwd: join(import.meta.dirname, ".."), stdio: "inherit" });
const rows: string[][] = [];
for (const size of sizes.length > 0 ? sizes : [10, 100, 500, 2000]) {
  const dir = join(root, `n${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "workflow.ts"), generateWorkflow(size));
  const module = (await import(pathToFileURL(join(dir, "workflow.ts")).href)) as { generated: Workflow<unknown, unknown> };
  const emit = await emitMilliseconds(module.generated);
  const builder = typeCheck(dir, "workflow.ts");
  const fromSources = typeCheck(dir, "workflow.ts", sources);
  writeFileSync(join(dir, "floor.ts"), generateFloor(emit.asl));
  const floorDir = join(dir, "floor");
  mkdirSync(floorDir);
  writeFileSync(join(floorDir, "floor.ts"), generateFloor(emit.asl));
  const floor = typeCheck(floorDir, "floor.ts");
  rows.push([
    String(size),
    builder.checkSeconds.toFixed(2),
    String(builder.instantiations),
    String(fromSources.instantiations),
    String(builder.memoryMb),
    [...new Set([builder.errors, fromSources.errors])].join(" / "),
    floor.checkSeconds.toFixed(2),
    String(floor.instantiations),
    String(floor.memoryMb),
    emit.ms.toFixed(1),
    String(emit.bytes),
  ]);
}

printTable(
  [
    "steps",
    "builder check s",
    "builder instantiations",
    "same, sources, 1 checker",
    "builder MB",
    "TS errors",
    "literal check s",
    "literal instantiations",
    "literal MB",
    "emit ms",
    "ASL bytes",
  ],
  rows,
);
console.log(
  `\ntsc ${execFileSync(tsc, ["--version"], { encoding: "utf8" }).trim()}; emit = assemble IR + ASL object + Prettier JSON, median of 5; node ${process.version}\n`,
);
startupTable();
console.log();
await localRunTable();
