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
    { argv: ["build", "workflow.ts", "--out", "out"], hooksInThread: true, cores: 2, early: true },
    { argv: ["check"], hooksInThread: true, cores: 2, early: true },
    // Node before 22.15: the loading thread's hooks thread needs the CPU, unless there is more of it.
    { argv: ["build", "workflow.ts", "--out", "out"], hooksInThread: false, cores: 2, early: false },
    { argv: ["build", "workflow.ts", "--out", "out"], hooksInThread: false, cores: 8, early: true },
    // A watch session's server lives on, and would keep the early snapshot.
    { argv: ["build", "--out", "out", "--watch"], hooksInThread: true, cores: 8, early: false },
    // Not a compile.
    { argv: ["init"], hooksInThread: true, cores: 8, early: false },
    { argv: ["run", "workflow.ts"], hooksInThread: true, cores: 8, early: false },
  ])("$argv, hooks in the importing thread: $hooksInThread, $cores cores: $early", ({ argv, hooksInThread, cores, early }) => {
    expect(startsServerEarly(argv, { hooksInThread, cores })).toBe(early);
  });
});
