/**
 * One Node range, said once (package.json's engines) and kept by the bin and every library entry:
 * on an older Node the CLI stops at once with one line naming the version it needs, before
 * anything half-runs, and importing stepwright, stepwright/compiler or stepwright/testing throws it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { isSupportedNode, supportedNode } from "../../src/node-version.mjs";
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

  // A user's test runner on an older Node imports a library entry, not the bin: it stops at once too.
  const entries = ["src/index.ts", "compiler/index.ts", "compiler/testing/index.ts"];
  const importing = (node: string, entry: string, ...flags: string[]) =>
    spawnSync(
      node,
      ["--import", "tsx", ...flags, "--input-type=module", "-e", `await import(${JSON.stringify(pathToFileURL(join(root, entry)).href)})`],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
  test.each(entries)("importing %s on an older Node throws that line, before any other module of the package runs", (entry) => {
    const old = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})`;
    const result = importing(process.execPath, entry, "--import", old);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Error: stepwright: Node >=22.12.0 is required; this is Node 20.11.0.");
  });

  // This machine's own Node is 20 (end of life): it must parse the bin and get the same line.
  const older = systemNodes()
    .map((node) => ({ node, version: spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim() }))
    .filter(({ version }) => version && !isSupportedNode(version));
  test.skipIf(older.length === 0)("a real older Node on this machine gets the same line, from the bin and from each library entry", () => {
    for (const { node, version } of older)
      for (const entry of entries)
        expect(importing(node, entry).stderr).toContain(`Error: stepwright: Node >=22.12.0 is required; this is Node ${version.slice(1)}.`);
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
