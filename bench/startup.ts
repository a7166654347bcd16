/**
 * How soon the published CLI answers: `stepwright --help` against `node -e 0`, and `stepwright
 * check` of a 10-state workflow against TypeScript 7's `tsc --noEmit` on the same file. Runs the
 * compiled package (dist/, as `npm pack` builds it), medians of 11 runs after a warm-up.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchTsconfig, generateWorkflow } from "./generate.ts";
import { median, printTable } from "./table.ts";

const root = join(import.meta.dirname, "..");
const bin = join(root, "dist/compiler/bin.mjs");
const tsc = join(root, "node_modules/.bin/tsc");

/** Wall seconds of one run (the command must succeed). */
function seconds(command: string, args: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}`);
  return (performance.now() - start) / 1000;
}

function timed(command: string, args: string[], cwd: string, runs = 11): number {
  seconds(command, args, cwd);
  return median(Array.from({ length: runs }, () => seconds(command, args, cwd)));
}

/** Prints the table; dist/ must be built (bench/run.ts builds it first). */
export function startupTable(): void {
  const dir = join(import.meta.dirname, ".generated", "startup");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "workflow.ts"), generateWorkflow(10));
  writeFileSync(join(dir, "tsconfig.json"), benchTsconfig(["workflow.ts"]));
  const node = timed(process.execPath, ["-e", "0"], dir);
  const help = timed(process.execPath, [bin, "--help"], dir);
  const typescript = timed(tsc, ["--noEmit", "-p", "tsconfig.json"], dir);
  const check = timed(process.execPath, [bin, "check", "workflow.ts"], dir);
  const ms = (s: number) => (s * 1000).toFixed(0);
  printTable(
    ["command", "median ms", "against", "its median ms", "ratio", "goal"],
    [
      ["stepwright --help", ms(help), "node -e 0", ms(node), (help / node).toFixed(2), "≤ 5"],
      ["stepwright check (10 steps)", ms(check), "tsc --noEmit (tsc 7)", ms(typescript), (check / typescript).toFixed(2), "≤ 1.2"],
    ],
  );
}
