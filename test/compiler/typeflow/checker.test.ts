import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { TypeChecker } from "../../../compiler/typeflow/checker.ts";
import { root } from "../../support/compile.ts";

/**
 * A check says that a file has type errors as soon as the native checker's verdict does, before the
 * errors are restated: a compile that knows it fails spends nothing on outputs nobody writes.
 */
const tsconfig = "test/fixtures/tsconfig.json";
const fixture = (name: string) => resolve(root, "test/fixtures", name);

describe("TypeChecker.check", () => {
  test.each([
    ["a file with a type error", "flow/missing-field.ts", ["told", "checked"]],
    ["a clean file", "valid/idiomatic.ts", ["checked"]],
  ])("%s: told of errors before the restated diagnostics, or not at all", async (_, name, expected) => {
    const checker = new TypeChecker(root, tsconfig);
    const events: string[] = [];
    try {
      const { diagnostics } = await checker.check([fixture(name)], { onErrors: () => events.push("told") });
      events.push("checked");
      expect(diagnostics.some((d) => d.severity === "error")).toBe(expected.includes("told"));
    } finally {
      await checker.close();
    }
    expect(events).toEqual(expected);
  });
});
