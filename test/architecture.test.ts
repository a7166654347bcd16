/**
 * The house's floors: no folder of src/ or compiler/ imports, through any chain of imports, a folder
 * that imports it back (a cycle between folders makes every folder on it depend on every other).
 * Imports are read by TypeScript's own pre-processor (type-only imports count: they tie the
 * folders as much). The cycles the code had when this check came are listed: the list may only
 * shrink, and a new one fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ts } from "ts-morph";
import { expect, test } from "vitest";
import { root } from "./support/compile.ts";

/** Each folder and the folders it imports from. */
function folderImports(tops: readonly string[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const top of tops) {
    for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|mts|mjs)$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      const from = relative(root, dirname(file));
      if (!edges.has(from)) edges.set(from, new Set());
      for (const imported of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
        if (!imported.fileName.startsWith(".")) continue;
        const to = relative(root, dirname(resolve(dirname(file), imported.fileName)));
        if (to !== from && tops.some((t) => to === t || to.startsWith(`${t}/`))) edges.get(from)!.add(to);
      }
    }
  }
  return edges;
}

/** The groups of folders that import each other (Tarjan's strongly connected components of two or more), each sorted. */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * What is left of the cycles there were when the check came (issue 35: 17 folders in three): none.
 * The module-loading runtime (the threads' entries, `sibling.mjs`, and the published CLI's bundle)
 * sits in compiler/runtime/, which imports nothing of Stepwright's: typeflow starts its thread from
 * there without depending on compile.ts, at the top, which uses typeflow.
 */
const known: string[][] = [];

test("no folder of src/ or compiler/ is on an import cycle, but those listed", () => {
  const found = cycles(folderImports(["src", "compiler"]));
  // A listed group may only lose folders: each group found lies inside one listed.
  for (const group of found)
    expect(
      known.some((k) => group.every((f) => k.includes(f))),
      `a new cycle: ${group.join(" ↔ ")}`,
    ).toBe(true);
});

test("the check finds a cycle where there is one", () => {
  expect(
    cycles(
      new Map([
        ["a", new Set(["b"])],
        ["b", new Set(["c"])],
        ["c", new Set(["a"])],
        ["d", new Set(["a"])],
      ]),
    ),
  ).toEqual([["a", "b", "c"]]);
});
