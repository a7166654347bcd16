/**
 * What the CLI does first for a compile: the Go runtime settings it gives the native checker's
 * process (a compile that ends when its check does collects no garbage, up to a ceiling; a watch
 * session and a user's own settings keep theirs), and whether the checker's server starts at once.
 */
import { describe, expect, test } from "vitest";
import { oneCompileGoRuntime, startsServerEarly } from "../../../compiler/cli/start-server.ts";

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

describe("whether the native checker's server starts before the CLI has loaded", () => {
  test.each([
    { argv: ["build", "workflow.ts", "--out", "out"], early: true },
    { argv: ["check"], early: true },
    { argv: ["graph", "workflow.ts"], early: true },
    { argv: ["cost", "workflow.ts"], early: true },
    // A watch session's server lives on, and would keep the early snapshot.
    { argv: ["build", "--out", "out", "--watch"], early: false },
    // Not a compile.
    { argv: ["init"], early: false },
    { argv: ["run", "workflow.ts"], early: false },
  ])("$argv: $early", ({ argv, early }) => {
    expect(startsServerEarly(argv)).toBe(early);
  });
});
