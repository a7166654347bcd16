/**
 * `stepwright import` given what an attacker or an unlucky user gives it: every case a diagnostic
 * (exit 1) or a clean import, never a crash (exit 2), never a file read outside the folder
 * imported, never a definition silently changed.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "../../../compiler/index.ts";
import { importModule } from "../../../compiler/import/module.ts";
import { stepwright as run } from "../../support/cli.ts";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";

const stepwright = (cwd: string, args: string[]) => run(args, cwd);

const folder = () => mkdtempSync(join(tmpdir(), "sw-hostile-"));
const definition = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
const tf = (value: string) =>
  `resource "aws_sfn_state_machine" "m" {\n  name       = "m"\n  role_arn   = "arn:aws:iam::123456789012:role/r"\n  definition = ${value}\n}\n`;

describe("stepwright import, given hostile input", () => {
  test("JSON nested 100,000 levels is SW4001, not a crash", async () => {
    const dir = folder();
    writeFileSync(join(dir, "deep.json"), `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const result = await stepwright(dir, ["import", "deep.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SW4001: deep.json nests deeper than 256 levels: no state machine definition does.");
  }, 240_000);

  test("Terraform nested as deep is SW4001 too", async () => {
    const dir = folder();
    writeFileSync(join(dir, "deep.tf"), tf(`jsonencode(${"{ a = ".repeat(50_000)}1${" }".repeat(50_000)})`));
    const result = await stepwright(dir, ["import", "deep.tf"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("deep.tf nests deeper than 256 levels");
  }, 240_000);

  test("a key written twice is SW4001 naming it (AWS rejects it; JSON.parse would keep the last)", async () => {
    const dir = folder();
    writeFileSync(join(dir, "twice.json"), '{ "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true, "End": false } } }');
    const result = await stepwright(dir, ["import", "twice.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('twice.json:1:67 - error SW4001: twice.json writes the key "End" twice in one object');
  }, 240_000);

  test("a byte-order mark before the JSON is no part of it", async () => {
    const dir = folder();
    writeFileSync(join(dir, "bom.json"), `\uFEFF${JSON.stringify(definition)}`);
    const result = await stepwright(dir, ["import", "bom.json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('("P")');
  }, 240_000);

  test("file() reaching outside the folder imported is refused, its content never echoed; --allow-outside reads it", async () => {
    const outside = folder();
    writeFileSync(join(outside, "secret.json"), "root:x:0:0:root:/root:/bin/bash");
    const dir = join(folder(), "infra");
    mkdirSync(dir);
    writeFileSync(join(dir, "main.tf"), tf(`file("${join(outside, "secret.json")}")`));
    const refused = await stepwright(dir, ["import", "main.tf"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("lies outside the folder imported");
    expect(refused.stderr).not.toContain("root:x");
    writeFileSync(join(outside, "secret.json"), "root:x:0:0:root:/root:/bin/bash");
    const allowed = await stepwright(dir, ["import", "main.tf", "--allow-outside"]);
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toContain("the definition is not JSON: InvalidSymbol at offset 0");
    expect(allowed.stderr).not.toContain("root:x");
    writeFileSync(join(outside, "secret.json"), JSON.stringify(definition));
    expect((await stepwright(dir, ["import", "main.tf", "--allow-outside"])).code).toBe(0);
  }, 240_000);

  test("a folder holding a link to itself named like a .tf file: the link is passed over", async () => {
    const dir = folder();
    writeFileSync(join(dir, "main.tf"), tf(`jsonencode(${JSON.stringify(definition).replace(/:/g, " = ")})`));
    symlinkSync(dir, join(dir, "loop.tf"));
    const result = await stepwright(dir, ["import", "."]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('("P")');
  }, 240_000);

  test("a folder stepwright build wrote imports: its outputs.tf and versions.tf are passed over", async () => {
    const project = tempProject({
      "src/w.ts": 'import { pass, workflow } from "stepwright";\nexport const w = workflow("w", { definition: pass("P") });\n',
    });
    expect(
      (await stepwright(project, ["build", "src/w.ts", "--out", "out", "--region", "us-east-1", "--account", "123456789012"])).code,
    ).toBe(0);
    const result = await stepwright(project, ["import", "out"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('("P")');
  }, 480_000);

  test("a Pass result with a __proto__ key imports to code that builds back to it (a key, not a prototype)", async () => {
    const withProto = JSON.parse(
      '{ "StartAt": "P", "States": { "P": { "Type": "Pass", "Result": { "__proto__": { "polluted": true }, "a": 1 }, "End": true } } }',
    ) as unknown;
    const module = importModule([{ name: "proto", definition: withProto, origin: "proto.json" }]);
    expect(module.text).toContain('["__proto__"]: { polluted: true }');
    const project = tempProject({ "src/proto.ts": module.text! });
    const { workflows, diagnostics } = await compile({ cwd: project, files: ["src/proto.ts"] });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(JSON.stringify(workflows[0]!.asl)).toBe(JSON.stringify(withProto));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 480_000);

  test("a definition of 25,000 states in a row imports, its chain written in segments (it overflowed the parser's stack as one chain)", async () => {
    const dir = folder();
    const n = 25_000;
    const States = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`S${i}`, i === n - 1 ? { Type: "Pass", End: true } : { Type: "Pass", Next: `S${i + 1}` }]),
    );
    writeFileSync(join(dir, "long.json"), JSON.stringify({ StartAt: "S0", States }));
    const result = await stepwright(dir, ["import", "long.json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('const s24999 = pass("S24999");');
  }, 240_000);

  test("3,000 states in a row build back to the very definition", async () => {
    const n = 3_000;
    const States = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`S${i}`, i === n - 1 ? { Type: "Pass", End: true } : { Type: "Pass", Next: `S${i + 1}` }]),
    );
    const definition = { StartAt: "S0", States };
    const module = importModule([{ name: "long", definition, origin: "long.json" }]);
    const project = tempProject({ "src/long.ts": module.text! });
    const { workflows, diagnostics } = await compile({ cwd: project, files: ["src/long.ts"], checkOnly: true });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(workflows[0]!.asl).toEqual(definition);
  }, 240_000);

  test("every command takes --verbose, which the internal error's message names", async () => {
    for (const command of ["check", "build", "cost", "graph", "run", "import", "init"]) {
      expect((await stepwright(root, [command, "--help"])).stdout, command).toContain("--verbose");
    }
  }, 240_000);
});
