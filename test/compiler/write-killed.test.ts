/**
 * The output folder's write protocol, killed at every step (SIGKILL, from a fault hook at that
 * step, in a process of its own): the next build must leave every file Stepwright did not write
 * where it was, with its content and permissions, and the new module whole.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeOutputs } from "../../compiler/write.ts";
import { root } from "../support/compile.ts";

const first = { "a.asl.json": "{}\n", "a.tf": "# a\n" };
const second = { "a.asl.json": '{"v":2}\n', "b.tf": "# b\n" };

/** A folder with a module built into it and a user's own files beside it: state, a provider, a private folder. */
function project(): string {
  const out = join(mkdtempSync(join(tmpdir(), "sw-killed-")), "build");
  writeOutputs(out, first);
  writeFileSync(join(out, "terraform.tfstate"), "state");
  writeFileSync(join(out, "provider.tf"), "provider");
  mkdirSync(join(out, "private"));
  writeFileSync(join(out, "private", "key"), "secret");
  chmodSync(join(out, "private", "key"), 0o600);
  chmodSync(join(out, "private"), 0o700);
  chmodSync(out, 0o750);
  return out;
}

/** The module files in a folder (what Stepwright writes, not the user's own). */
function module(out: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => /\.(tf|json)$/.test(f) && !["provider.tf", ".stepwright-manifest.json"].includes(f))
      .map((f) => [f, readFileSync(join(out, f), "utf8")]),
  );
}

/** The steps a build of `second` over `first` goes through: each a place to be killed. */
function steps(): string[] {
  const seen: string[] = [];
  writeOutputs(project(), second, { fault: (step) => seen.push(step) });
  return seen;
}

const killer = `
import { writeOutputs } from ${JSON.stringify(join(root, "compiler/write.ts"))};
const [out, at] = process.argv.slice(-2);
writeOutputs(out, ${JSON.stringify(second)}, { fault: (step) => { if (step === at) process.kill(process.pid, "SIGKILL"); } });
`;

describe("a build killed at any step of writing the output folder", () => {
  const all = steps();

  test("the protocol has the steps this test kills it at", () => {
    expect(all).toEqual([
      "locked",
      "cleaned",
      "staging",
      "wrote a.asl.json",
      "wrote b.tf",
      "manifest",
      "carried private",
      "carried provider.tf",
      "carried terraform.tfstate",
      "moded",
      "moved aside",
      "moved in",
      "done",
    ]);
  });

  test.each(all)(
    "killed at %s: the next build keeps every file it did not write, and its permissions",
    (step) => {
      const out = project();
      const killed = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", killer, out, step], {
        cwd: root,
        encoding: "utf8",
      });
      expect(killed.signal).toBe("SIGKILL");
      // One transaction: killed, the folder holds the earlier module or the new one whole, never a mix
      // (between the two renames it is missing, and the next build puts the earlier one back first).
      const at = all.indexOf(step);
      if (at < all.indexOf("moved aside")) expect(module(out)).toEqual(first);
      else if (at >= all.indexOf("moved in")) expect(module(out)).toEqual(second);
      else expect(existsSync(out)).toBe(false);
      writeOutputs(out, second);
      expect(readFileSync(join(out, "terraform.tfstate"), "utf8")).toBe("state");
      expect(readFileSync(join(out, "provider.tf"), "utf8")).toBe("provider");
      expect(readFileSync(join(out, "private", "key"), "utf8")).toBe("secret");
      expect(statSync(join(out, "private")).mode & 0o777).toBe(0o700);
      expect(statSync(join(out, "private", "key")).mode & 0o777).toBe(0o600);
      expect(statSync(out).mode & 0o777).toBe(0o750);
      expect(readFileSync(join(out, "a.asl.json"), "utf8")).toBe('{"v":2}\n');
      expect(readdirSync(out).sort()).toEqual([
        ".stepwright-manifest.json",
        "a.asl.json",
        "b.tf",
        "private",
        "provider.tf",
        "terraform.tfstate",
      ]);
      expect(readdirSync(join(out, "..")).filter((e) => e !== "build")).toEqual([]);
    },
    240_000,
  );
});

describe("the folder a build replaces", () => {
  test("cannot hold the sources built: refused, and nothing is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-own-"));
    writeFileSync(join(dir, "flow.ts"), "source");
    expect(() => writeOutputs(dir, second, { keep: [join(dir, "flow.ts")] })).toThrow(
      `--out ${dir} holds ${join(dir, "flow.ts")}, which a build must not replace: give the build a folder of its own`,
    );
    expect(readdirSync(dir)).toEqual(["flow.ts"]);
  });
});

describe("the lock beside the folder", () => {
  test("a stale lock whose pid now belongs to another process is taken over at once, not waited on", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "sw-reused-")), "build");
    const other = spawn("sleep", ["60"]);
    try {
      mkdirSync(join(out, "..", ".build.stepwright-lock"));
      // That pid, with a start time it never had: the build that took the lock is gone.
      writeFileSync(join(out, "..", ".build.stepwright-lock", "pid"), `${other.pid} 1`);
      expect(writeOutputs(out, second, { waitMs: 0 }).written).toHaveLength(2);
    } finally {
      other.kill();
    }
  });

  test("--out / is refused before anything is made beside it", () => {
    const before = readdirSync("/");
    expect(() => writeOutputs("/", second)).toThrow(
      "--out / is the root of the file system: a build replaces its folder whole, so give it a folder of its own",
    );
    expect(readdirSync("/")).toEqual(before);
    expect(existsSync("/.stepwright-lock")).toBe(false);
  });

  test("a folder that cannot be renamed away (EBUSY: a mount point) is one line, and the earlier module stays", () => {
    const out = project();
    const busy = Object.assign(new Error("EBUSY: resource busy or locked, rename"), { code: "EBUSY" });
    expect(() =>
      writeOutputs(out, second, {
        fault: (step) => {
          if (step === "moded") throw busy;
        },
      }),
    ).toThrow(`cannot replace ${out} (EBUSY: a mount point?): a build replaces its folder whole, so give it a folder inside it`);
    expect(module(out)).toEqual(first);
    expect(readdirSync(join(out, "..")).filter((e) => e !== "build")).toEqual([]);
  });
});
