import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { stepwright as run } from "../support/cli.ts";
import { startsServerEarly } from "../../compiler/cli/start-server.ts";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "compiler/bin.mjs");
const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `examples/${f}`);
const account = ["--region", "us-east-1", "--account", "123456789012"];

const stepwright = (...args: string[]) => run(args);

// The manifest records what a build wrote (so the next one can remove what it no longer writes).
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== ".stepwright-manifest.json")
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

describe("the stepwright CLI", () => {
  test("build writes every example's ASL and Terraform, as compile() gives them, byte-identical on a second build", async () => {
    const out = mkdtempSync(join(tmpdir(), "sw-build-"));
    const first = await stepwright("build", ...examples, "--out", out, ...account);
    expect(first).toMatchObject({ code: 0 });
    const files = snapshot(out);
    const compiled = await compile({ files: examples, cwd: root, region: "us-east-1", account: "123456789012" });
    expect(compiled.diagnostics).toEqual([]);
    expect(files).toEqual(compiled.files);
    for (const w of compiled.workflows) expect(JSON.parse(files[`${w.name}.asl.json`]!)).toEqual(w.asl);
    expect(await stepwright("build", ...examples, "--out", out, ...account)).toMatchObject({ code: 0 });
    expect(snapshot(out)).toEqual(files);
  });

  test("a build with errors exits 1, names file:line:col, the code and the step, and leaves earlier outputs untouched", async () => {
    const out = mkdtempSync(join(tmpdir(), "sw-fail-"));
    writeFileSync(join(out, "wrong-query-language.asl.json"), "earlier output\n");
    const result = await stepwright("build", "test/fixtures/wrong-query-language.ts", "--out", out, ...account);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/wrong-query-language.ts:6:15 - error SW2101: Step "Charge" sets Parameters');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual({ "wrong-query-language.asl.json": "earlier output\n" });
  });

  test("a finding at a read shows the edge the data came by as related information, in text and in --json", async () => {
    const fixture = "test/fixtures/edges/loop-back-edge.ts";
    const text = await stepwright("check", fixture);
    expect(text.code).toBe(1);
    const message = '"Notify" reads input.owner (parameters.to), but "Rebuild" (through "Poll", Choice "Done?") does not provide it.';
    const related = `  ${fixture}:8:122 - "Notify" receives its input here, from "Rebuild" (through "Poll", Choice "Done?").`;
    // Text goes to standard error; --json to standard output.
    expect(text.stderr).toContain(`${fixture}:7:58 - error SW1001: ${message}`);
    expect(text.stderr).toContain(related);
    // The related place's code frame, indented under it, marks the `.next(poll)` the data comes back by.
    const frame = text.stderr
      .slice(text.stderr.indexOf(related) + related.length)
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, 2);
    expect(frame[0]).toMatch(/^ {2}8 const loop = poll\.next\(/);
    expect(frame[1]!.indexOf("~")).toBe("  8 ".length + 121);
    const json = await stepwright("check", fixture, "--json");
    expect(JSON.parse(json.stdout.trim().split("\n")[0]!)).toEqual({
      code: "SW1001",
      severity: "error",
      message,
      file: join(root, fixture),
      line: 7,
      column: 58,
      steps: ["Rebuild", "Notify"],
      related: [
        {
          file: join(root, fixture),
          line: 8,
          column: 122,
          message: '"Notify" receives its input here, from "Rebuild" (through "Poll", Choice "Done?").',
        },
      ],
    });
  });

  test("a module that throws is a diagnostic, not a stack trace; --json prints one object per line", async () => {
    const result = await stepwright("check", "test/fixtures/throws-on-load.ts", "--json");
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ code: "SW0002", severity: "error", file: join(root, "test/fixtures/throws-on-load.ts"), line: 4 }),
    ]);
    expect(lines[0].message).toContain('task "NoIntegration" needs an integration');
  });

  test("what a workflow module prints while it loads reaches the terminal, on both streams", async () => {
    const result = await stepwright("check", "test/fixtures/prints-on-load.ts");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("prints-on-load: to stdout\n");
    expect(result.stderr).toContain("prints-on-load: to stderr\n");
  });

  test("--region and --account that are not a region and an account id are usage errors, before anything is built", async () => {
    const out = mkdtempSync(join(tmpdir(), "sw-usage-"));
    const region = await stepwright(
      "build",
      "examples/order-processing.ts",
      "--out",
      out,
      "--region",
      "us-east-1; rm -rf /",
      "--account",
      "123456789012",
    );
    expect(region).toMatchObject({
      code: 2,
      stderr: 'stepwright: --region "us-east-1; rm -rf /" is not an AWS region (such as us-east-1)\n',
    });
    const account = await stepwright("check", "examples/order-processing.ts", "--account", "abc");
    expect(account).toMatchObject({ code: 2, stderr: 'stepwright: --account "abc" is not a 12-digit AWS account id\n' });
    expect(readdirSync(out)).toEqual([]);
  });

  test("--out naming a file is one line and exit 2, no stack trace; the file is untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-out-file-"));
    writeFileSync(join(dir, "taken"), "mine");
    const result = await stepwright("build", "examples/order-processing.ts", "--out", join(dir, "taken"), ...account);
    expect(result).toMatchObject({ code: 2, stderr: `stepwright: --out ${join(dir, "taken")} is a file, not a folder\n` });
    expect(readFileSync(join(dir, "taken"), "utf8")).toBe("mine");
  });

  test("a quoted glob is expanded, as prettier, eslint and tsc expand theirs (npm scripts quote them on every platform)", async () => {
    const result = await stepwright("check", "examples/**/*.ts");
    expect(result).toMatchObject({ code: 0 });
    expect(result.stderr).toContain("9 workflow(s) checked, no errors");
    const none = await stepwright("check", "examples/**/*.nothing");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("SW0001");
  });

  test("the same bytes from any working directory, locale and time zone; China regions get the aws-cn partition", async () => {
    const first = mkdtempSync(join(tmpdir(), "sw-det-a-"));
    const second = mkdtempSync(join(tmpdir(), "sw-det-b-"));
    expect(await stepwright("build", ...examples, "--out", first, ...account)).toMatchObject({ code: 0 });
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, "build", ...examples.map((e) => join("..", e)), "--out", second, ...account],
      {
        cwd: join(root, "examples"),
        env: { ...process.env, NO_COLOR: "1", LC_ALL: "da_DK.UTF-8", LANG: "da_DK.UTF-8", TZ: "Pacific/Chatham" },
      },
    );
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^built 9 workflow\(s\)/);
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(snapshot(first)["order-processing.tf"]).toContain(
      "# order-processing: from examples/order-processing.ts (export orderProcessing).",
    );
    const china = mkdtempSync(join(tmpdir(), "sw-cn-"));
    expect(
      await stepwright("build", "examples/order-processing.ts", "--out", china, "--region", "cn-north-1", "--account", "123456789012"),
    ).toMatchObject({ code: 0 });
    expect(readFileSync(join(china, "order-processing.asl.json"), "utf8")).toContain(
      '"Resource": "arn:aws-cn:lambda:cn-north-1:123456789012:function:validate-order"',
    );
  });

  test("a folder given as the file, and a file that is not UTF-8, are diagnostics naming them (SW0001, SW0007), not stack traces", async () => {
    const folder = await stepwright("check", "examples", "--json");
    expect(folder.code).toBe(1);
    expect(JSON.parse(folder.stdout.trim())).toMatchObject({
      code: "SW0001",
      message: "examples is a folder, not a file: name the workflow files in it (for example examples/*.ts)",
    });
    const dir = mkdtempSync(join(tmpdir(), "sw-latin1-"));
    writeFileSync(
      join(dir, "latin1.ts"),
      Buffer.concat([
        Buffer.from('import { pass, workflow } from "stepwright";\nexport const w = workflow("latin", { definition: pass("Caf'),
        Buffer.from([0xe9]),
        Buffer.from('") });\n'),
      ]),
    );
    const latin1 = await stepwright("check", join(dir, "latin1.ts"), "--json");
    expect(latin1.code).toBe(1);
    expect(JSON.parse(latin1.stdout.trim())).toMatchObject({
      code: "SW0007",
      file: join(dir, "latin1.ts"),
      line: 2,
      column: 59,
      message: `${join(dir, "latin1.ts")} is not UTF-8 text (byte 0xe9 at line 2); save it as UTF-8`,
    });
    expect(folder.stderr + latin1.stderr).not.toMatch(/\n\s+at /);
  });

  test("--verbose says which type checker checked the files, and why the JavaScript one ran where it did", async () => {
    const clean = await stepwright("check", "examples/approval.ts", "--verbose");
    expect(clean.stderr).toContain(
      "stepwright: type-checked 1 file(s) with TypeScript's native checker: the JavaScript checker did not start\n",
    );
    // And whether the checker's server started before the CLI had loaded: where that pays, on this Node and machine.
    expect(clean.stderr.includes("stepwright: the native checker's server started before the CLI had loaded\n")).toBe(
      startsServerEarly(["check"]),
    );
    const failing = await stepwright(
      "check",
      "test/fixtures/flow/missing-field.ts",
      "--tsconfig",
      "test/fixtures/tsconfig.json",
      "--verbose",
    );
    expect(failing.stderr).toContain(
      "stepwright: type-checked 1 file(s) with TypeScript's native checker, which restated the errors of 1 file(s): the JavaScript checker did not start\n",
    );
    const off = await run(["check", "examples/approval.ts", "--verbose"], root, { STEPWRIGHT_NATIVE_TSC: "off" });
    expect(off.stderr).toContain(
      "stepwright: the native TypeScript checker is not available (turned off); checking with the JavaScript one\n",
    );
    expect(off.stderr).toContain("stepwright: type-checked 1 file(s) with the JavaScript checker (the native one is not available)\n");
  });

  test("a missing file is a diagnostic; a usage error exits 2", async () => {
    expect(await stepwright("check", "no/such/file.ts")).toMatchObject({ code: 1, stderr: expect.stringContaining("SW0001") });
    expect((await stepwright("build", ...examples)).code).toBe(2);
    expect((await stepwright("frobnicate")).code).toBe(2);
    expect((await stepwright("--help")).code).toBe(0);
  });

  test("check needs no region or account: it writes nothing; build does need them, and says so (SW0005)", async () => {
    const checked = await stepwright("check", "examples/order-processing.ts");
    expect(checked).toMatchObject({ code: 0, stderr: "1 workflow(s) checked, no errors\n" });
    const out = mkdtempSync(join(tmpdir(), "sw-no-account-"));
    const built = await stepwright("build", "examples/order-processing.ts", "--out", out);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("SW0005");
    expect(built.stderr).toContain('"validate-order" is a name, so its ARN needs a region and an account');
    expect(readdirSync(out)).toEqual([]);
  });

  test("graph draws each workflow into --out; build --diagram adds the drawings to the build", async () => {
    const out = mkdtempSync(join(tmpdir(), "sw-graph-"));
    expect(await stepwright("graph", ...examples, "--out", out)).toMatchObject({ code: 0 });
    const drawn = readdirSync(out).sort();
    expect(drawn.filter((f) => f.endsWith(".mmd"))).toHaveLength(examples.length + 1); // fulfilment.ts holds two workflows
    expect(drawn.filter((f) => f.endsWith(".svg"))).toHaveLength(examples.length + 1);
    expect(readFileSync(join(out, "order-processing.mmd"), "utf8")).toContain("flowchart TD");
    const built = mkdtempSync(join(tmpdir(), "sw-build-diagram-"));
    expect(await stepwright("build", "examples/order-processing.ts", "--out", built, "--diagram", ...account)).toMatchObject({ code: 0 });
    expect(readdirSync(built)).toEqual(
      expect.arrayContaining(["order-processing.asl.json", "order-processing.tf", "order-processing.mmd", "order-processing.svg"]),
    );
    expect(readFileSync(join(built, "order-processing.svg"), "utf8")).toBe(readFileSync(join(out, "order-processing.svg"), "utf8"));
  });
});
