/**
 * Benchmarks `stepwright build` against the type check it cannot avoid, and watch-mode rebuilds.
 * Prints two tables; asserts nothing.
 *   npm run bench:build            (10, 100, 500, 2000 steps)
 *   npm run bench:build -- 10 100  (chosen sizes)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateWorkflow } from "./generate.ts";

const root = join(import.meta.dirname, "..");
const generated = join(import.meta.dirname, ".generated");
const bin = join(root, "compiler/bin.mjs");
const tsc = join(root, "node_modules/.bin/tsc");
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const account = ["--region", "us-east-1", "--account", "123456789012"];

interface Run {
  seconds: number;
  peakMb: number;
}

/** Wall time and peak resident memory of a command, by GNU time. */
function measure(command: string, args: string[], cwd: string): Run {
  const output = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] }).stderr;
  const [seconds, kb] = output.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024) };
}

function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function project(name: string, source: string): string {
  const dir = join(generated, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "workflow.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2023", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true, types: [] },
      files: ["workflow.ts"],
    }),
  );
  return dir;
}

const rows: string[][] = [];
for (const size of sizes.length > 0 ? sizes : [10, 100, 500, 2000]) {
  const dir = project(`build-n${size}`, generateWorkflow(size));
  const repeat = size >= 2000 ? 1 : 3;
  const runs = (command: string, args: string[]) => median(Array.from({ length: repeat }, () => measure(command, args, dir)));
  const build = runs(process.execPath, [bin, "build", "workflow.ts", "--out", "out", ...account]);
  const states = Object.keys(JSON.parse(readFileSync(join(dir, "out", `generated-${size}.asl.json`), "utf8")).States).length;
  const native = runs(tsc, ["--noEmit", "-p", "tsconfig.json"]);
  const js = runs(process.execPath, [join(import.meta.dirname, "tsc-js.mjs"), join(dir, "tsconfig.json")]);
  rows.push([
    String(size),
    String(states),
    build.seconds.toFixed(2),
    String(build.peakMb),
    js.seconds.toFixed(2),
    String(js.peakMb),
    (build.seconds / js.seconds).toFixed(2),
    native.seconds.toFixed(2),
    String(native.peakMb),
    (build.seconds / native.seconds).toFixed(2),
  ]);
}

function table(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of body) console.log(line(row));
}

table(["steps", "states", "build s", "build MB", "tsc (JS API) s", "tsc (JS) MB", "build / tsc JS", "tsc 7 s", "tsc 7 MB", "build / tsc 7"], rows);

/** Watch mode: from saving a one-line change in a 200-step workflow to the new ASL on disk. */
async function watchLatency(size: number, edits: number): Promise<number[]> {
  const source = generateWorkflow(size);
  const dir = project(`watch-n${size}`, source);
  const child = spawn(process.execPath, [bin, "build", "workflow.ts", "--out", "out", "--watch", ...account], { cwd: dir });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 2));
  };
  await until(() => stderr.includes("watching"));
  const out = join(dir, "out", `generated-${size}.asl.json`);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `edit-${i}`;
    const edited = source.replace(`.next(pass("S1"))`, `.next(pass("S1").comment("${marker}"))`);
    const start = performance.now();
    writeFileSync(join(dir, "workflow.ts"), edited);
    await until(() => {
      try {
        return readFileSync(out, "utf8").includes(marker);
      } catch {
        return false;
      }
    });
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  return times;
}

const latencies = await watchLatency(200, 15);
const sorted = [...latencies].sort((a, b) => a - b);
console.log();
table(
  ["watch: steps", "edits", "median ms", "min ms", "max ms"],
  [["200", String(latencies.length), sorted[Math.floor(sorted.length / 2)]!.toFixed(0), sorted[0]!.toFixed(0), sorted.at(-1)!.toFixed(0)]],
);
console.log(`\nnode ${process.version}; tsc 7 = ${execFileSync(tsc, ["--version"], { encoding: "utf8" }).trim()} (native); tsc (JS API) = the TypeScript ts-morph bundles; build = stepwright build, type flow + rules + ASL`);
