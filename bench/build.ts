/**
 * Benchmarks `stepwright build` (the compiled package, as users run it) against TypeScript 7's
 * `tsc --noEmit` on the same file, on the clean path and on the error path, and watch-mode
 * rebuilds. Prints two tables; asserts nothing.
 *   npm run bench:build            (10, 200, 2000 steps)
 *   npm run bench:build -- 10 200  (chosen sizes)
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateWorkflow } from "./generate.ts";
import { median, printTable } from "./table.ts";

const root = join(import.meta.dirname, "..");
const generated = join(import.meta.dirname, ".generated");
const bin = join(root, "dist/compiler/bin.mjs");
const tsc = join(root, "node_modules/.bin/tsc");
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const account = ["--region", "us-east-1", "--account", "123456789012"];

interface Run {
  seconds: number;
  peakMb: number;
  status: number;
}

/** Wall time and peak resident memory of a command, by GNU time. */
function measure(command: string, args: string[], cwd: string): Run {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const [seconds, kb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024), status: result.status ?? -1 };
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

execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
const rows: string[][] = [];
for (const size of sizes.length > 0 ? sizes : [10, 200, 2000]) {
  const repeat = size >= 2000 ? 3 : 5;
  const runs = (dir: string, command: string, args: string[], status: number) => {
    const all = Array.from({ length: repeat }, () => measure(command, args, dir));
    const wrong = all.find((r) => r.status !== status);
    if (wrong) throw new Error(`${command} ${args.join(" ")} exited ${wrong.status} in ${dir}, expected ${status}`);
    const seconds = median(all.map((r) => r.seconds));
    return { seconds, peakMb: all.find((r) => r.seconds === seconds)!.peakMb };
  };
  const clean = project(`build-n${size}`, generateWorkflow(size));
  const broken = project(`build-error-n${size}`, generateWorkflow(size, { typeError: true }));
  const build = runs(clean, process.execPath, [bin, "build", "workflow.ts", "--out", "out", ...account], 0);
  const states = Object.keys(JSON.parse(readFileSync(join(clean, "out", `generated-${size}.asl.json`), "utf8")).States).length;
  const native = runs(clean, tsc, ["--noEmit", "-p", "tsconfig.json"], 0);
  const failing = runs(broken, process.execPath, [bin, "build", "workflow.ts", "--out", "out", ...account], 1);
  const nativeFailing = runs(broken, tsc, ["--noEmit", "-p", "tsconfig.json"], 1);
  rows.push([
    String(size),
    String(states),
    build.seconds.toFixed(2),
    String(build.peakMb),
    native.seconds.toFixed(2),
    (build.seconds / native.seconds).toFixed(2),
    failing.seconds.toFixed(2),
    String(failing.peakMb),
    nativeFailing.seconds.toFixed(2),
    (failing.seconds / nativeFailing.seconds).toFixed(2),
  ]);
}

printTable(["steps", "states", "build s", "build MB", "tsc 7 s", "build / tsc 7", "error build s", "error MB", "tsc 7 (error) s", "error / tsc 7"], rows);

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
printTable(["watch: steps", "edits", "median ms", "min ms", "max ms"], [["200", String(latencies.length), median(latencies).toFixed(0), sorted[0]!.toFixed(0), sorted.at(-1)!.toFixed(0)]]);
console.log(`\nnode ${process.version}; tsc 7 = ${execFileSync(tsc, ["--version"], { encoding: "utf8" }).trim()} (native); build = stepwright build (dist/), type flow + rules + ASL + Terraform`);
