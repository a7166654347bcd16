/**
 * Benchmarks `stepwright build` (the compiled package, as users run it) against TypeScript 7's
 * `tsc --noEmit` on the same file, on the clean path and on the error path, and watch-mode
 * rebuilds, clean and with an error. Prints two tables; asserts nothing. Build and tsc run in turn (build, tsc, build, ...),
 * each right after a one-line edit of the file, and each ratio is the median of the pairs' ratios:
 * the machine's speed drifts from run to run.
 *   npm run bench:build            (10, 200, 2000 steps)
 *   npm run bench:build -- 10 200  (chosen sizes)
 *   BENCH_NODE=/path/to/node npm run bench:build   (the CLI on another Node)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { starterFiles } from "../compiler/init/starter.ts";
import { generateWorkflow } from "./generate.ts";
import { median, printTable } from "./table.ts";

const root = join(import.meta.dirname, "..");
const generated = join(import.meta.dirname, ".generated");
const bin = join(root, "dist/compiler/bin.mjs");
const tsc = join(root, "node_modules/.bin/tsc");
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const account = ["--region", "us-east-1", "--account", "123456789012"];

interface Run {
  seconds: number;
  peakMb: number;
  status: number;
}

let edits = 0;
const unedited = new Map<string, string>();

/**
 * Wall time (by the clock here: GNU time counts in 10 ms steps, a sixth of a small build)
 * and peak resident memory (by GNU time) of a command, run right after an edit of the workflow
 * file: a user builds what they have just changed, and a file seen before would let tsx answer
 * from its transform cache, which a real build seldom can. The edit is a comment, made before
 * each run of either command.
 */
function measure(command: string, args: string[], cwd: string): Run {
  const file = join(cwd, "workflow.ts");
  if (!unedited.has(file)) unedited.set(file, readFileSync(file, "utf8"));
  writeFileSync(file, `${unedited.get(file)}\n// edit ${++edits}\n`);
  const start = performance.now();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const seconds = (performance.now() - start) / 1000;
  const kb = Number(result.stderr.trim().split("\n").at(-1));
  return { seconds, peakMb: Math.round(kb / 1024), status: result.status ?? -1 };
}

/** The compiler options `stepwright init` writes: a new project's (and so its loader, Node's type stripping where Node has it). */
const starterCompilerOptions = (
  JSON.parse(starterFiles("bench", { stepwright: "", typescript: "", vitest: "", zod: "" })["tsconfig.json"]!) as {
    compilerOptions: object;
  }
).compilerOptions;

function project(name: string, source: string): string {
  const dir = join(generated, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "workflow.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { ...starterCompilerOptions, skipLibCheck: true },
      files: ["workflow.ts"],
    }),
  );
  return dir;
}

execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
const node = process.env.BENCH_NODE ?? process.execPath;
const rows: string[][] = [];
for (const size of sizes.length > 0 ? sizes : [10, 200, 2000]) {
  const repeat = size >= 2000 ? 5 : 11;
  const checked = (run: Run, status: number, what: string, dir: string): Run => {
    if (run.status !== status) throw new Error(`${what} exited ${run.status} in ${dir}, expected ${status}`);
    return run;
  };
  /** Build and tsc in turn, after one warm-up each: their medians, and the median of the pairs' ratios. */
  const paired = (dir: string, status: number) => {
    const build = () =>
      checked(measure(node, [bin, "build", "workflow.ts", "--out", "out", ...account], dir), status, "stepwright build", dir);
    const native = () => checked(measure(tsc, ["--noEmit", "-p", "tsconfig.json"], dir), status, "tsc", dir);
    build();
    native();
    const pairs = Array.from({ length: repeat }, () => [build(), native()] as const);
    const seconds = median(pairs.map(([b]) => b.seconds));
    return {
      build: { seconds, peakMb: pairs.find(([b]) => b.seconds === seconds)![0].peakMb },
      native: median(pairs.map(([, n]) => n.seconds)),
      ratio: median(pairs.map(([b, n]) => b.seconds / n.seconds)),
    };
  };
  const clean = project(`build-n${size}`, generateWorkflow(size));
  const broken = project(`build-error-n${size}`, generateWorkflow(size, { typeError: true }));
  const ok = paired(clean, 0);
  const states = Object.keys(JSON.parse(readFileSync(join(clean, "out", `generated-${size}.asl.json`), "utf8")).States).length;
  const failing = paired(broken, 1);
  rows.push([
    String(size),
    String(states),
    ok.build.seconds.toFixed(2),
    String(ok.build.peakMb),
    ok.native.toFixed(2),
    ok.ratio.toFixed(2),
    failing.build.seconds.toFixed(2),
    String(failing.build.peakMb),
    failing.native.toFixed(2),
    failing.ratio.toFixed(2),
  ]);
}

printTable(
  [
    "steps",
    "states",
    "build s",
    "build MB",
    "tsc 7 s",
    "build / tsc 7 (paired)",
    "error build s",
    "error MB",
    "tsc 7 (error) s",
    "error / tsc 7 (paired)",
  ],
  rows,
);

/** A `--watch` session on a workflow of `size` steps, in a project of its own. */
async function watching(name: string, size: number) {
  const dir = project(name, generateWorkflow(size));
  const child = spawn(node, [bin, "build", "workflow.ts", "--out", "out", "--watch", ...account], { cwd: dir });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 2));
  };
  await until(() => stderr.includes("watching"));
  /** Milliseconds from writing the file to `done()` holding. */
  const timed = async (text: string, done: () => boolean) => {
    const start = performance.now();
    writeFileSync(join(dir, "workflow.ts"), text);
    await until(done);
    return performance.now() - start;
  };
  const out = join(dir, "out", `generated-${size}.asl.json`);
  /** The ASL the session wrote last ("" before it writes any, or while a build swaps the folder). */
  const asl = () => {
    try {
      return readFileSync(out, "utf8");
    } catch {
      return "";
    }
  };
  return { out, asl, timed, stderr: () => stderr, stop: () => child.kill() };
}

/** Watch mode: from saving a one-line change in a workflow to the new ASL on disk. */
async function watchLatency(size: number, edits: number): Promise<number[]> {
  const source = generateWorkflow(size);
  const session = await watching(`watch-n${size}`, size);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `edit-${i}`;
    const edited = source.replace(`.next(pass("S1"))`, `.next(pass("S1").comment("${marker}"))`);
    times.push(await session.timed(edited, () => session.asl().includes(marker)));
    await new Promise((r) => setTimeout(r, 200));
  }
  session.stop();
  return times;
}

/**
 * Watch mode on the error path: from saving a type error to its diagnostic printed, then from
 * saving the fix to the new ASL on disk (not timed), in turn.
 */
async function watchErrorLatency(size: number, edits: number): Promise<number[]> {
  const session = await watching(`watch-error-n${size}`, size);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const printed = session.stderr().split("SW1").length;
    const broken = `${generateWorkflow(size, { typeError: true })}\n// error ${i}\n`;
    times.push(await session.timed(broken, () => session.stderr().split("SW1").length > printed));
    rmSync(session.out, { force: true });
    await session.timed(`${generateWorkflow(size)}\n// fixed ${i}\n`, () => session.asl().length > 0);
    await new Promise((r) => setTimeout(r, 200));
  }
  session.stop();
  return times;
}

const row = (what: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return [what, "200", String(times.length), median(times).toFixed(0), sorted[0]!.toFixed(0), sorted.at(-1)!.toFixed(0)];
};
const latencies = await watchLatency(200, 15);
const errorLatencies = await watchErrorLatency(200, 15);
console.log();
printTable(
  ["watch: save to", "steps", "edits", "median ms", "min ms", "max ms"],
  [row("new ASL on disk", latencies), row("type error printed", errorLatencies)],
);
console.log(
  `\nnode ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()}; tsc 7 = ${execFileSync(tsc, ["--version"], { encoding: "utf8" }).trim()} (native); build = stepwright build (dist/), type flow + rules + ASL + Terraform`,
);
