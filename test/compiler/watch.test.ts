import { chmodSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { watchFiles } from "../../compiler/watch.ts";

/** Watch mode's watcher: each save of a TypeScript file is a rebuild, and a save reported again is not. */
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

  test("passes on a save once however often it is reported; the same text saved again is a save of its own", async () => {
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

    // The file system reports the same save again (here: its mode set to what it is).
    chmodSync(file, statSync(file).mode);
    await settle();
    expect(rebuilds).toHaveLength(1);

    // Saved again, the same text: a way to ask for a rebuild.
    writeFileSync(file, "export const a = 2;\n");
    await until(() => rebuilds.length === 2);
    writeFileSync(file, "export const a = 3;\n");
    await until(() => rebuilds.length === 3);
    expect(rebuilds.slice(1)).toEqual([[file], [file]]);
  }, 60_000);
});
