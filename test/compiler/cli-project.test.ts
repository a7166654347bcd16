import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { root } from "../support/compile.ts";
import { tempProject } from "../support/temp-project.ts";
import { stepwright as run } from "../support/cli.ts";

const bin = join(root, "compiler/bin.mjs");

const stepwright = (cwd: string, ...args: string[]) => run(args, cwd);

const orders = (name: string) => `import { lambda, task, workflow } from "stepwright";

interface Order { id: string }
const charge = task("${name}", lambda<Order, { chargeId: string }>("charge"));
export const orders = workflow("orders", { definition: charge });
`;

const config = `import { defineConfig } from "stepwright";

export default defineConfig({
  region: "eu-west-1",
  account: "123456789012",
  out: "build",
});
`;

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A watch session's stderr so far, and a wait for a text to appear in it (count times). */
function watching(child: ChildProcess) {
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = (text: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${text}; got:\n${stderr}`)), 30_000);
      const check = () => {
        if (stderr.split(text).length - 1 >= count) {
          clearTimeout(timer);
          resolve();
        } else setTimeout(check, 20);
      };
      check();
    });
  return { waitFor, stderr: () => stderr };
}

describe("stepwright in a user's project", () => {
  test("without files, builds the tsconfig's workflow files with the config's region, account and output folder", async () => {
    const dir = tempProject({ "src/orders.ts": orders("Charge"), "src/util.ts": "export const x = 1;\n", "stepwright.config.ts": config });
    const result = await stepwright(dir, "build");
    expect(result).toMatchObject({ code: 0, stderr: expect.stringContaining("built 1 workflow(s)") });
    const asl = JSON.parse(readFileSync(join(dir, "build/orders.asl.json"), "utf8"));
    expect(asl.States.Charge.Resource).toBe("arn:aws:lambda:eu-west-1:123456789012:function:charge");
  });

  test("check without files checks the tsconfig's workflow files; two workflows of one name are SW0004", async () => {
    const dir = tempProject({
      "src/orders.ts": orders("Charge"),
      "src/again.ts": orders("Charge2").replace("export const orders", "export const again"),
    });
    const result = await stepwright(dir, "check", "--json");
    expect(result.code).toBe(1);
    const [duplicate] = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(duplicate).toMatchObject({
      code: "SW0004",
      file: join(dir, "src/orders.ts"),
      message: `Workflow "orders" is also defined in ${join(dir, "src/again.ts")}; workflow names must be unique in a build.`,
    });
    const single = tempProject({ "src/orders.ts": orders("Charge") });
    expect(await stepwright(single, "check")).toMatchObject({ code: 0, stderr: "1 workflow(s) checked, no errors\n" });
  });

  test("templatefile definitions, from the flag or from the config's terraform.definition", async () => {
    const fromFlag = tempProject({ "src/orders.ts": orders("Charge") });
    expect(
      (
        await stepwright(
          fromFlag,
          "build",
          "--out",
          "build",
          "--region",
          "eu-west-1",
          "--account",
          "123456789012",
          "--terraform-definition",
          "templatefile",
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(join(fromFlag, "build/orders.tf"), "utf8")).toContain('definition = templatefile("${path.module}/orders.asl.json"');
    const fromConfig = tempProject({
      "src/orders.ts": orders("Charge"),
      "stepwright.config.ts": config.replace('out: "build",', 'out: "build",\n  terraform: { definition: "templatefile" },'),
    });
    expect((await stepwright(fromConfig, "build")).code).toBe(0);
    expect(readFileSync(join(fromConfig, "build/orders.tf"), "utf8")).toContain(
      'definition = templatefile("${path.module}/orders.asl.json"',
    );
  });

  test("flags win over the config file", async () => {
    const dir = tempProject({ "src/orders.ts": orders("Charge"), "stepwright.config.ts": config });
    expect((await stepwright(dir, "build", "--region", "us-west-2", "--out", "other")).code).toBe(0);
    expect(readFileSync(join(dir, "other/orders.asl.json"), "utf8")).toContain("arn:aws:lambda:us-west-2:123456789012:function:charge");
  });

  test("a bad config is a diagnostic at the key, not a stack trace", async () => {
    const dir = tempProject({
      "src/orders.ts": orders("Charge"),
      "stepwright.config.ts": 'export default { region: "Ireland", acount: "1" };\n',
    });
    const result = await stepwright(dir, "check");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "stepwright.config.ts:1:18 - error SW0006: stepwright.config.ts: region: an AWS region such as us-east-1",
    );
    expect(result.stderr).toContain(
      'stepwright.config.ts:1:37 - error SW0006: stepwright.config.ts: the default export: unknown option "acount"',
    );
    noStackTrace(result.stderr);
  });

  test("a syntax error is TypeScript's diagnostic, once, without a stack trace", async () => {
    const dir = tempProject({
      "src/broken.ts": 'import { pass, workflow } from "stepwright";\nexport const w = workflow("w", { definition: pass("A" });\n',
    });
    const result = await stepwright(dir, "check", "src/broken.ts", "--json");
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { code: "TS1005", severity: "error", message: "',' expected.", file: join(dir, "src/broken.ts"), line: 2, column: 55 },
    ]);
    noStackTrace(result.stderr);
  });

  test("a file given without workflows is a warning; the exit code stays 0", async () => {
    const dir = tempProject({ "src/util.ts": "export const x = 1;\n" });
    const result = await stepwright(dir, "check", "src/util.ts");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("src/util.ts:1:1 - warning SW0003: src/util.ts exports no workflow(...)");
  });

  test("a type error between steps: --json gives one object per line with the code, position and steps", async () => {
    const source = `import { lambda, task, workflow } from "stepwright";
const a = task("A", lambda<{ id: string }, { id: string }>("a"));
const b = task("B", lambda<{ total: number }, void>("b"));
export const w = workflow("w", { definition: a.next(b) });
`;
    const dir = tempProject({ "src/w.ts": source, "stepwright.config.ts": config });
    const result = await stepwright(dir, "build", "--json");
    expect(result.code).toBe(1);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        code: "SW1001",
        severity: "error",
        message: '"B" needs input.total (number), but "A" does not provide it.',
        file: join(dir, "src/w.ts"),
        line: 4,
        column: 53,
        steps: ["A", "B"],
      },
    ]);
    expect(readdirSync(dir)).not.toContain("build");
  });

  test("--help works for every command", async () => {
    for (const command of [[], ["check"], ["build"]]) {
      const result = await stepwright(root, ...command, "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Usage: stepwright");
    }
    expect((await stepwright(root, "build", "--help")).stdout).toContain("--watch");
  });
});

describe("stepwright build --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill());

  test("rebuilds when a workflow file changes, and keeps running after an error", async () => {
    const dir = tempProject({ "src/orders.ts": orders("Charge"), "stepwright.config.ts": config });
    child = spawn(process.execPath, [bin, "build", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    const session = watching(child);
    const waitFor = session.waitFor;
    await waitFor("watching 1 file(s)");
    const out = join(dir, "build/orders.asl.json");
    expect(readFileSync(out, "utf8")).toContain('"Charge"');

    writeFileSync(join(dir, "src/orders.ts"), orders("ChargeCard"));
    await waitFor("built 1 workflow(s)", 2);
    expect(readFileSync(out, "utf8")).toContain('"ChargeCard"');

    writeFileSync(join(dir, "src/orders.ts"), orders("x".repeat(81)));
    await waitFor("SW2002");
    expect(readFileSync(out, "utf8")).toContain('"ChargeCard"');

    writeFileSync(join(dir, "src/orders.ts"), orders("Charge"));
    await waitFor("built 1 workflow(s)", 3);
    expect(readFileSync(out, "utf8")).toContain('"Charge"');

    // An editor that truncates before it writes: the empty file is never built (it would drop the workflow).
    writeFileSync(join(dir, "src/orders.ts"), "");
    await new Promise((r) => setTimeout(r, 500));
    expect(session.stderr().split("built ").length - 1).toBe(3);
    expect(readFileSync(out, "utf8")).toContain('"Charge"');
    writeFileSync(join(dir, "src/orders.ts"), orders("Settle"));
    await waitFor("built 1 workflow(s)", 4);
    expect(readFileSync(out, "utf8")).toContain('"Settle"');
  }, 240_000);
});

describe("stepwright build --watch and the native checker", () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill());

  const typed = (input: string) => `import { lambda, task, workflow } from "stepwright";

const a = task("A", lambda<{ id: string }, { total: number }>("a"));
const b = task("B", lambda<${input}, {}>("b"));
export const flow = workflow("flow", { definition: a.next(b) });
`;
  /** The processes the CLI started (the native checker's among them), by their ids. */
  const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).sort();

  test("a type error saved mid-session reads as a one-shot check reads it, the fix builds, and one native checker serves the session", async () => {
    const dir = tempProject({ "src/flow.ts": typed("{ total: number }"), "stepwright.config.ts": config });
    child = spawn(process.execPath, [bin, "build", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    const { waitFor, stderr } = watching(child);
    await waitFor("watching 1 file(s)");
    const started = childrenOf(child.pid!);
    expect(started.length).toBeGreaterThan(0);

    writeFileSync(join(dir, "src/flow.ts"), typed("{ total: number; missing: string }"));
    await waitFor("SW1001");
    const oneShot = await stepwright(dir, "check");
    expect(oneShot.code).toBe(1);
    const errorLines = (text: string) => text.split("\n").filter((line) => line.includes(" - error "));
    expect(errorLines(oneShot.stderr).length).toBeGreaterThan(0);
    expect(errorLines(stderr())).toEqual(errorLines(oneShot.stderr));

    writeFileSync(join(dir, "src/flow.ts"), typed("{ total: number }"));
    await waitFor("built 1 workflow(s)", 2);
    expect(JSON.parse(readFileSync(join(dir, "build/flow.asl.json"), "utf8")).States.B).toBeDefined();
    expect(childrenOf(child.pid!)).toEqual(started);
  }, 240_000);
});

describe("a workflow module cannot control the CLI", () => {
  const typeError = `import { lambda, task, workflow } from "stepwright";

const a = task("A", lambda<{ id: string }, { total: number }>("a"));
const b = task("B", lambda<{ id: string; missing: string }, {}>("b"));
export const broken = workflow("broken", { definition: a.next(b) });
`;

  test("process.exit(0) at import is SW0002 for that file; the other file's type error still fails the check", async () => {
    const dir = tempProject({
      "src/exits.ts": `${orders("A")}\ndeclare const process: { exit(code: number): never };\nprocess.exit(0);\n`,
      "src/broken.ts": typeError,
    });
    const result = await stepwright(dir, "check", "src/exits.ts", "src/broken.ts");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "src/exits.ts:1:1 - error SW0002: Could not load src/exits.ts: it ended the process while loading (process.exit(0))",
    );
    expect(result.stderr).toMatch(/src\/broken\.ts:\d+:\d+ - error SW1001/);
    noStackTrace(result.stderr);
  });

  test("an endless loop at the top level is stopped after the configured time, with a diagnostic naming the file", async () => {
    const dir = tempProject({
      "src/loops.ts": `${orders("A")}\nwhile (true) {}\n`,
      "stepwright.config.ts": `import { defineConfig } from "stepwright";\nexport default defineConfig({ loadTimeoutSeconds: 1 });\n`,
    });
    // The CLI ends by itself with the diagnostic: a loop that was not stopped would run into the test's timeout instead (set for a machine four times slower).
    const result = await stepwright(dir, "check", "src/loops.ts");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "SW0002: Could not load src/loops.ts: it did not finish loading within 1 s (an endless loop at the top level?); it was stopped",
    );
  }, 480_000);

  test("an error thrown from a timer at load time is SW0002, not a crash", async () => {
    const timers = "declare function setTimeout(run: () => void, ms: number): unknown;\n";
    const dir = tempProject({
      "src/timer.ts": `${orders("A")}\n${timers}setTimeout(() => { throw new Error("late"); }, 0);\nawait new Promise<void>((r) => setTimeout(r, 50));\n`,
    });
    const result = await stepwright(dir, "check", "src/timer.ts");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SW0002: Could not load src/timer.ts: it failed outside its own code path: Error: late");
    noStackTrace(result.stderr);
  });
});
