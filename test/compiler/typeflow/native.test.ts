import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NativeChecker } from "../../../compiler/typeflow/native.ts";

/**
 * TypeScript 7's native checker's verdict: which files have errors (it restates those itself) and
 * which it cannot vouch for (the JavaScript checker checks those), so each kind of file must land
 * where it belongs.
 */
describe("the native checker's verdict", () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "sw-native-")));
    writeFileSync(file("clean.ts"), "export const n: number = 1;\n");
    writeFileSync(file("typed-wrong.ts"), 'export const n: number = "one";\n');
    writeFileSync(file("unparsable.ts"), "export const n = (1;\n");
    // Beside the project, not in it: its tsconfig names the three files above.
    writeFileSync(file("elsewhere.ts"), "export const n: number = 1;\n");
    writeFileSync(
      file("tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, types: [] },
        files: ["clean.ts", "typed-wrong.ts", "unparsable.ts"],
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const started = async (files?: readonly string[]) => {
    const checker = await NativeChecker.start(dir, file("tsconfig.json"), files ? { files } : {});
    if (!(checker instanceof NativeChecker)) throw new Error(`the native checker did not start: ${checker.unavailable}`);
    return checker;
  };
  const all = () => ["clean.ts", "typed-wrong.ts", "unparsable.ts", "elsewhere.ts"].map(file);

  test("a type error and a syntax error are errors; a clean file is not; a file outside the project is not vouched for", async () => {
    const checker = await started();
    try {
      const verdict = await checker.check(all());
      expect([...verdict.withErrors].sort()).toEqual([file("typed-wrong.ts"), file("unparsable.ts")]);
      expect([...verdict.outside]).toEqual([file("elsewhere.ts")]);
    } finally {
      await checker.close();
    }
  });

  test("files opened with the project at start give the same verdict, and a saved change is seen", async () => {
    const checker = await started(all());
    try {
      const verdict = await checker.check(all());
      expect([...verdict.withErrors].sort()).toEqual([file("typed-wrong.ts"), file("unparsable.ts")]);
      expect([...verdict.outside]).toEqual([file("elsewhere.ts")]);
      writeFileSync(file("clean.ts"), "export const n: number = true;\n");
      checker.refresh([file("clean.ts")]);
      expect((await checker.check([file("clean.ts")])).withErrors).toEqual(new Set([file("clean.ts")]));
    } finally {
      writeFileSync(file("clean.ts"), "export const n: number = 1;\n");
      await checker.close();
    }
  });

  test("without a tsconfig it says so, and does not start", async () => {
    expect(await NativeChecker.start(dir, undefined)).toEqual({ unavailable: "no tsconfig.json" });
  });
});
