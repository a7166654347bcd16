/**
 * One Node range, said once (package.json's engines) and kept by the bin: on an older Node the CLI
 * stops at once with one line naming the version it needs, before anything half-runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, test } from "vitest";
import { isSupportedNode, supportedNode } from "../../compiler/node-version.mjs";
import { root } from "../support/compile.ts";

const bin = join(root, "compiler/bin.mjs");
const engines = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

/** A Node binary on the machine's PATH (not this project's pinned one), if there is one. */
function systemNodes(): string[] {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir && !dir.includes("node_modules"))
    .map((dir) => join(dir, "node"))
    .filter((file) => existsSync(file));
}

describe("the supported Node range", () => {
  test("is the one package.json's engines and the README state", () => {
    expect(supportedNode).toBe(engines);
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(`Node ${engines.replace(">=", "")} or newer`);
  });

  test("takes 22.12 and later; refuses older", () => {
    for (const v of ["22.12.0", "v22.13.1", "23.0.0", "24.11.1", "26.0.0"]) expect(isSupportedNode(v)).toBe(true);
    for (const v of ["22.11.0", "v22.0.0", "20.20.2", "18.19.0", "v16.0.0"]) expect(isSupportedNode(v)).toBe(false);
  });

  test("on an older Node the CLI exits 2 at once with one line naming what it needs", () => {
    const old = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})`;
    const result = spawnSync(process.execPath, ["--import", old, bin, "check"], { encoding: "utf8" });
    expect(result).toMatchObject({ status: 2, stdout: "", stderr: "stepwright: Node >=22.12.0 is required; this is Node 20.11.0.\n" });
  });

  // This machine's own Node is 20 (end of life): it must parse the bin and get the same line.
  const older = systemNodes()
    .map((node) => ({ node, version: spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim() }))
    .filter(({ version }) => version && !isSupportedNode(version));
  test.skipIf(older.length === 0)("a real older Node on this machine gets the same line", () => {
    for (const { node, version } of older) {
      const result = spawnSync(node, [bin, "build", "--out", "x"], { encoding: "utf8" });
      expect(result).toMatchObject({
        status: 2,
        stdout: "",
        stderr: `stepwright: Node >=22.12.0 is required; this is Node ${version.slice(1)}.\n`,
      });
    }
  });
});
