/**
 * The output folder is written as one transaction: a reader sees the earlier module or the new one,
 * never a mix; what an earlier build wrote and this one does not is removed; what Stepwright never
 * wrote is kept and reported; concurrent builds take turns; a killed build's leftovers are cleaned.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { OutputError, writeOutputs } from "../../compiler/write.ts";

const manifest = ".stepwright-manifest.json";
const folder = () => mkdtempSync(join(tmpdir(), "sw-write-"));
const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== manifest)
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

describe("writing the output folder", () => {
  test("a second build removes what the first wrote and it does not, and keeps what Stepwright never wrote", () => {
    const out = join(folder(), "out");
    writeOutputs(out, { "a.tf": "a1", "b.tf": "b1", "outputs.tf": "o1" });
    writeFileSync(join(out, "provider.tf"), "user's own");
    const second = writeOutputs(out, { "a.tf": "a2", "outputs.tf": "o2" });
    expect(contents(out)).toEqual({ "a.tf": "a2", "outputs.tf": "o2", "provider.tf": "user's own" });
    expect(second.removed).toEqual(["b.tf"]);
    expect(second.foreign).toEqual(["provider.tf"]);
    expect(JSON.parse(readFileSync(join(out, manifest), "utf8")).files).toEqual(["a.tf", "outputs.tf"]);
  });

  test("nothing is left beside the folder: no staging, no lock, no previous copy", () => {
    const parent = folder();
    writeOutputs(join(parent, "out"), { "a.tf": "a" });
    writeOutputs(join(parent, "out"), { "a.tf": "b" });
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  test("leftovers of a killed build (its staging folder and lock, its pid gone) are cleaned by the next build", () => {
    const parent = folder();
    const dead = 2 ** 22 + 7; // beyond Linux's pid range: no such process
    mkdirSync(join(parent, `.out.stepwright-staging-${dead}`));
    writeFileSync(join(parent, `.out.stepwright-staging-${dead}`, "half.tf"), "half");
    mkdirSync(join(parent, ".out.stepwright-lock"));
    writeFileSync(join(parent, ".out.stepwright-lock", "pid"), String(dead));
    writeOutputs(join(parent, "out"), { "a.tf": "a" });
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(contents(join(parent, "out"))).toEqual({ "a.tf": "a" });
  });

  test("a build waits while another holds the lock, and says who when it gives up", () => {
    const parent = folder();
    mkdirSync(join(parent, ".out.stepwright-lock"));
    writeFileSync(join(parent, ".out.stepwright-lock", "pid"), String(process.pid));
    expect(() => writeOutputs(join(parent, "out"), { "a.tf": "a" }, { waitMs: 100 })).toThrow(
      new OutputError(`another stepwright build (pid ${process.pid}) is writing ${parent}; try again when it is done`),
    );
    expect(existsSync(join(parent, "out"))).toBe(false);
  });

  test("two builds into one folder at once take turns: the folder ends as one whole module, never a mix", async () => {
    const parent = folder();
    const out = join(parent, "out");
    const script = (tag: string) =>
      `import { writeOutputs } from ${JSON.stringify(join(import.meta.dirname, "../../compiler/write.ts"))};\n` +
      `for (let i = 0; i < 20; i++) writeOutputs(${JSON.stringify(out)}, Object.fromEntries(Array.from({ length: 30 }, (_, n) => [\`f\${n}.tf\`, ${JSON.stringify(tag)}])));\n`;
    const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
    const run = (tag: string) =>
      new Promise<number>((resolve) => spawn(tsx, ["--eval", script(tag)], { stdio: "ignore" }).on("exit", (code) => resolve(code ?? -1)));
    expect(await Promise.all([run("A"), run("B")])).toEqual([0, 0]);
    const values = new Set(Object.values(contents(out)));
    expect(Object.keys(contents(out))).toHaveLength(30);
    expect(values.size).toBe(1);
    expect(readdirSync(parent)).toEqual(["out"]);
  }, 240_000);

  test("--out naming a file, or a folder that cannot be written, is an OutputError with one clear line", () => {
    const parent = folder();
    writeFileSync(join(parent, "file"), "x");
    expect(() => writeOutputs(join(parent, "file"), { "a.tf": "a" })).toThrow(
      new OutputError(`--out ${join(parent, "file")} is a file, not a folder`),
    );
    // Nobody, root included, can create folders in /proc or under a file.
    expect(() => writeOutputs("/proc/stepwright-test/out", { "a.tf": "a" })).toThrow(/^cannot create \/proc\/stepwright-test: /);
    expect(() => writeOutputs("/dev/null/stepwright-test/out", { "a.tf": "a" })).toThrow(/^cannot create \/dev\/null\/stepwright-test: /);
  });
});
