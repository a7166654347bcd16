/**
 * What the CLI does first for a compile: the Go runtime settings it gives the native checker's
 * process (a compile that ends when its check does collects no garbage, up to a ceiling; a watch
 * session and a user's own settings keep theirs), whether the checker's server starts at once, and
 * the files it opens as it starts.
 */
import { describe, expect, test } from "vitest";
import { main } from "../../../compiler/cli/index.ts";
import { namedFiles, oneCompileGoRuntime, startsServerEarly } from "../../../compiler/cli/start-server.ts";
import { root } from "../../support/compile.ts";

describe("the native checker's Go runtime", () => {
  test("for one build, check or run: no garbage collection below 1 GiB, in the checker's process alone", () => {
    const env = { PATH: "/usr/bin" };
    expect(oneCompileGoRuntime(["build", "workflow.ts", "--out", "out"], env)).toEqual({ GOGC: "off", GOMEMLIMIT: "1GiB" });
    expect(oneCompileGoRuntime(["check"], env)).toEqual({ GOGC: "off", GOMEMLIMIT: "1GiB" });
    expect(oneCompileGoRuntime(["run", "workflow.ts", "--mock", "Charge=@charge.ts"], env)).toEqual({ GOGC: "off", GOMEMLIMIT: "1GiB" });
    // This process's environment (the user's modules and mocks run in it) is left as it was.
    expect(env).toEqual({ PATH: "/usr/bin" });
  });

  test("a watch session keeps Go's defaults: its checker lives on", () => {
    expect(oneCompileGoRuntime(["build", "--out", "out", "--watch"], {})).toEqual({});
  });

  test("a setting of the user's own is left as it is, and nothing is added beside it", () => {
    expect(oneCompileGoRuntime(["build"], { GOGC: "200" })).toEqual({});
    expect(oneCompileGoRuntime(["build"], { GOMEMLIMIT: "4GiB" })).toEqual({});
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
    // run compiles a TypeScript file, and reads one of ASL as it is.
    { argv: ["run", "workflow.ts", "--input", "@in.json"], early: true },
    { argv: ["run", "--mock", "Charge=@charge.ts", "workflow.ts"], early: true },
    { argv: ["run", "machine.asl.json", "--input", "@in.json"], early: false },
    { argv: ["toString"], early: false },
  ])("$argv: $early", ({ argv, early }) => {
    expect(startsServerEarly(argv)).toBe(early);
  });
});

describe("the files a compiling command line names (the checker's server opens them as it starts)", () => {
  test("the arguments that are not options, nor an option's value", () => {
    expect(namedFiles(["build", "a.ts", "--out", "out", "--watch", "b.ts", "--types", "src/generated"])).toEqual(["a.ts", "b.ts"]);
    expect(namedFiles(["cost", "--assume", "items(ShipEach)=100", "a.ts", "--markdown"])).toEqual(["a.ts"]);
  });

  // Read from each command's --help, so an option added to the CLI cannot be taken for a file.
  test.each(["check", "build", "graph", "cost", "run"])("%s: no value of an option is taken for a file", async (command) => {
    let help = "";
    const write = (text: string) => {
      help += text;
    };
    expect(await main([command, "--help"], { out: write, err: write, cwd: root, color: false })).toBe(0);
    const valued = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+) [<[]/gm)].map((match) => match[1]!);
    expect(valued).toContain("--region");
    for (const option of valued)
      expect([option, namedFiles([command, "a.ts", option, "value.ts", "b.ts"])]).toEqual([option, ["a.ts", "b.ts"]]);
  });
});
