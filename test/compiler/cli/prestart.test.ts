/**
 * The Go runtime settings the CLI gives the native checker's process: a compile that ends when its
 * check does collects no garbage (up to a ceiling); a watch session and a user's own settings keep
 * theirs.
 */
import { describe, expect, test } from "vitest";
import { oneCompileGoRuntime } from "../../../compiler/cli/prestart.ts";

const settingsFor = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const given = { ...env };
  oneCompileGoRuntime(argv, given);
  return given;
};

describe("the native checker's Go runtime", () => {
  test("for one build or check: no garbage collection below 1 GiB", () => {
    expect(settingsFor(["build", "workflow.ts", "--out", "out"])).toEqual({ GOGC: "off", GOMEMLIMIT: "1GiB" });
    expect(settingsFor(["check"])).toEqual({ GOGC: "off", GOMEMLIMIT: "1GiB" });
  });

  test("a watch session keeps Go's defaults: its checker lives on", () => {
    expect(settingsFor(["build", "--out", "out", "--watch"])).toEqual({});
  });

  test("a setting of the user's own is left as it is, and nothing is added beside it", () => {
    expect(settingsFor(["build"], { GOGC: "200" })).toEqual({ GOGC: "200" });
    expect(settingsFor(["build"], { GOMEMLIMIT: "4GiB" })).toEqual({ GOMEMLIMIT: "4GiB" });
  });
});
