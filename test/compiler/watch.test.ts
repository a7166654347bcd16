import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { watchFiles } from "../../compiler/watch.ts";

/** Watch mode's watcher: a change to a TypeScript file is a rebuild; a file that holds what it held at the last one is not. */
describe("watchFiles", () => {
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await stop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const settle = () => new Promise((r) => setTimeout(r, 400));
  async function until(done: () => boolean): Promise<void> {
    for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(done()).toBe(true);
  }

  test("passes on a save once, and the same text saved again not at all", async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "sw-watch-")));
    const file = join(dir, "flow.ts");
    writeFileSync(file, "export const a = 1;\n");
    const rebuilds: string[][] = [];
    const watcher = watchFiles([file], join(dir, "out"), async (changed) => void rebuilds.push(changed));
    stop = watcher.close;
    await watcher.ready;

    writeFileSync(file, "export const a = 2;\n");
    await until(() => rebuilds.length === 1);
    await settle();
    expect(rebuilds).toEqual([[file]]);

    // What the file system reports of a save that changes nothing (as it reports one save twice).
    writeFileSync(file, "export const a = 2;\n");
    await settle();
    expect(rebuilds).toHaveLength(1);

    writeFileSync(file, "export const a = 3;\n");
    await until(() => rebuilds.length === 2);
    expect(rebuilds[1]).toEqual([file]);
  }, 60_000);
});
