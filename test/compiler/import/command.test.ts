/**
 * `stepwright import` as a user runs it: ASL files, standard input, Terraform files and folders.
 * Terraform itself says what a definition is (hcleval, HashiCorp's HCL evaluated as Terraform
 * would): the imported module builds back to that definition, and the Terraform Stepwright writes
 * from it evaluates to it again, references still references.
 */
import { execFile, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { compile } from "../../../compiler/index.ts";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";
import { hclevalBinary } from "../../support/terraform.ts";

const bin = join(root, "compiler/bin.mjs");
const fixtures = join(root, "test/fixtures/import/terraform");
const account = { region: "us-east-1", account: "123456789012" } as const;

async function stepwright(cwd: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  if (input !== undefined) {
    run.child.stdin!.write(input);
    run.child.stdin!.end();
  }
  try {
    const { stdout, stderr } = await run;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** What Terraform evaluates each state machine's definition to, by its name (references as `${reference}`). */
function terraformDefinitions(dir: string, files: string[]): Record<string, unknown> {
  const result = spawnSync(hclevalBinary, ["--allow-undeclared", ...files.map((f) => join(dir, f))], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`hcleval: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { state_machines: Record<string, { name: string; definition: unknown }> };
  return Object.fromEntries(Object.values(parsed.state_machines).map((m) => [m.name, m.definition]));
}

/** Imports `input` into a user's project, builds it, and gives what was built: each workflow's ASL, and its Terraform as Terraform evaluates it. */
async function importAndBuild(input: string, from = fixtures) {
  const project = tempProject({});
  cpSync(from, project, { recursive: true });
  const imported = await stepwright(project, ["import", input, "--out", "src/imported.ts"]);
  expect(imported).toMatchObject({ code: 0 });
  const text = readFileSync(join(project, "src/imported.ts"), "utf8");
  const compiled = await compile({ cwd: project, files: ["src/imported.ts"], ...account });
  expect(compiled.diagnostics).toEqual([]);
  const out = mkdtempSync(join(tmpdir(), "sw-import-tf-"));
  for (const [name, content] of Object.entries(compiled.files)) writeFileSync(join(out, name), content);
  const terraform = terraformDefinitions(
    out,
    readdirSync(out).filter((f) => f.endsWith(".tf")),
  );
  return { text, asl: Object.fromEntries(compiled.workflows.map((w) => [w.name, w.asl])), terraform };
}

describe("stepwright import, from Terraform", () => {
  test.each([["jsonencode.tf"], ["heredoc.tf"], ["templatefile.tf"], ["folder"]])(
    "%s: the module builds back to the definition Terraform reads, and its Terraform evaluates to it again",
    async (input) => {
      const files = input === "folder" ? readdirSync(join(fixtures, "folder")).map((f) => `folder/${f}`) : [input];
      const original = terraformDefinitions(fixtures, files);
      const { asl, terraform, text } = await importAndBuild(input);
      expect(asl).toEqual(original);
      expect(terraform).toEqual(original);
      // Functions named by reference are references in the code too.
      for (const reference of JSON.stringify(original).match(/\$\{aws_lambda_function\.[\w.]+\}/g) ?? [])
        expect(text).toContain(`tf(${JSON.stringify(reference.slice(2, -1))})`);
    },
    120_000,
  );

  test("jsonencode: idiomatic builder calls, typed from what the definition reads", async () => {
    const { text } = await importAndBuild("jsonencode.tf");
    expect(text).toContain('lambda.invoke<unknown, ChargeResult>(tf("aws_lambda_function.charge.arn"))');
    expect(text).toContain(".parameters(($: Ref<OrderFlowInput>) => $.order)");
    expect(text).toMatch(/export interface OrderFlowInput \{\s+order: unknown;\s+\}/);
    expect(text).toMatch(/export interface ShipResult \{\s+status: unknown;\s+\}/);
    expect(text).toContain('.when(($) => $.status.eq("SHIPPED"), done)');
    // The loop back to Ship: the Wait's chain names the step already declared.
    expect(text).toContain(".otherwise(waitStep.next(ship))");
    expect(text).toMatch(/\.retry\(\{\s+errors: \["Lambda\.TooManyRequestsException"\]/);
  }, 480_000);

  test("a reference where Stepwright takes none (a topic's ARN in Parameters) is SW4003, and nothing is written", async () => {
    const project = tempProject({});
    cpSync(fixtures, project, { recursive: true });
    const result = await stepwright(project, ["import", "topic-reference.tf", "--out", "src/notify.ts"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error SW4003");
    expect(result.stderr).toContain("aws_sns_topic.orders.arn");
    expect(existsSync(join(project, "src/notify.ts"))).toBe(false);
  });

  test("a definition Terraform computes (jsonencode(local.x)) is SW4004 at its line and column", async () => {
    const result = await stepwright(fixtures, ["import", "computed.tf"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "computed.tf:8:27 - error SW4004: computed.tf: aws_sfn_state_machine.computed: jsonencode(local.definition) is computed by Terraform",
    );
  });

  test("HCL that does not parse is SW4001 at its line and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-import-bad-"));
    writeFileSync(join(dir, "bad.tf"), 'resource "aws_sfn_state_machine" "x" {\n  definition = jsonencode({ StartAt = "A" \n');
    const result = await stepwright(dir, ["import", "bad.tf"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.tf:\d+:\d+ - error SW4001/);
  });
});

describe("stepwright import, from ASL", () => {
  const definition = {
    Comment: "Greets",
    StartAt: "Greet",
    States: { Greet: { Type: "Pass", Parameters: { "text.$": "States.Format('Hello {}', $.name)" }, End: true } },
  };

  test("standard input, printed: a module that builds back to the definition", async () => {
    const result = await stepwright(root, ["import", "-", "--name", "greeter"], JSON.stringify(definition));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain('States.Format("Hello {}", $.name)');
    const project = tempProject({ "src/greeter.ts": result.stdout });
    const compiled = await compile({ cwd: project, files: ["src/greeter.ts"] });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.workflows.map((w) => [w.name, w.asl])).toEqual([["greeter", definition]]);
  });

  test("standard input may be Terraform too: read as HCL when it is not JSON", async () => {
    const tf =
      'resource "aws_sfn_state_machine" "hello" {\n  name = "hello"\n  definition = jsonencode({ StartAt = "Hi", States = { Hi = { Type = "Pass", End = true } } })\n}\n';
    const result = await stepwright(root, ["import", "-"], tf);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('export const hello = workflow("hello"');
    expect((await stepwright(root, ["import", "-"], "[]")).stderr).toContain("error SW4002: $: expected an object.");
  });

  test("a definition the IR does not hold is SW4002 at the state, exit 1, and an earlier --out is left as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-import-"));
    writeFileSync(join(dir, "flow.ts"), "// earlier\n");
    writeFileSync(
      join(dir, "bad.asl.json"),
      '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true, "Bogus": 1 }\n  }\n}\n',
    );
    const result = await stepwright(dir, ["import", "bad.asl.json", "--out", "flow.ts"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.asl.json:4:10 - error SW4002: $.States["A"]: unknown field "Bogus".');
    expect(readFileSync(join(dir, "flow.ts"), "utf8")).toBe("// earlier\n");
    expect(readdirSync(dir).sort()).toEqual(["bad.asl.json", "flow.ts"]);
  });

  test("JSON that does not parse is SW4001; --json gives it as a JSON line", async () => {
    const result = await stepwright(root, ["import", "-", "--json"], '{ "StartAt": ');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ code: "SW4001", file: "<stdin>", line: 1 });
  });

  test("what builder calls cannot write (a Wait with no duration) is SW4003, naming the state", async () => {
    const wait = { StartAt: "W", States: { W: { Type: "Wait", End: true } } };
    const result = await stepwright(root, ["import", "-"], JSON.stringify(wait));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error SW4003");
    expect(result.stderr).toContain('"W"');
  });

  test("usage errors exit 2 with one line: no such file, a bad --name, --out not a .ts file", async () => {
    expect(await stepwright(root, ["import", "nope.asl.json"])).toMatchObject({
      code: 2,
      stderr: "stepwright: nope.asl.json: no such file or folder\n",
    });
    expect((await stepwright(root, ["import", "-", "--name", "bad name"], "{}")).code).toBe(2);
    expect((await stepwright(root, ["import", "-", "--out", "flow.js"], "{}")).code).toBe(2);
  });
});

describe("importing the examples' own ASL", () => {
  test("each builds back to the same bytes", async () => {
    const examples = readdirSync(join(root, "examples"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `examples/${f}`);
    const built = await compile({ cwd: root, files: examples, ...account });
    expect(built.diagnostics).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "sw-examples-asl-"));
    const modules: Record<string, string> = {};
    for (const w of built.workflows) {
      writeFileSync(join(dir, `${w.name}.asl.json`), built.files[`${w.name}.asl.json`]!);
      const result = await stepwright(dir, ["import", `${w.name}.asl.json`]);
      expect(result).toMatchObject({ code: 0 });
      modules[`src/${w.name}.ts`] = result.stdout;
    }
    const project = tempProject(modules);
    const rebuilt = await compile({ cwd: project, files: Object.keys(modules), ...account });
    expect(rebuilt.diagnostics).toEqual([]);
    for (const w of built.workflows) expect(rebuilt.files[`${w.name}.asl.json`]).toBe(built.files[`${w.name}.asl.json`]);
  }, 720_000);
});
