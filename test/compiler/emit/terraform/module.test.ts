import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { root } from "../../../support/compile.ts";
import { declaredBlocks, type Evaluated, hcl2json, hcleval, tfcheck, writeModule } from "../../../support/terraform.ts";
import { pass, workflow } from "stepwright";
import { emitTerraform } from "../../../../compiler/emit/terraform/index.ts";

const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `examples/${f}`);
const region = "us-east-1";
const account = "123456789012";

/**
 * The ASL as deployed, with each ARN Terraform looks up written as the reference hcleval shows:
 * function names from data.tf (as HashiCorp's parser reads it) become `${data.aws_lambda_function.<id>.arn}`.
 */
function withReferences(asl: unknown, data: Record<string, unknown> | undefined, machines: Record<string, string>): unknown {
  let text = JSON.stringify(asl);
  const functions = ((data?.data as Record<string, Record<string, { function_name: string }[]>>) ?? {}).aws_lambda_function ?? {};
  for (const [id, [block]] of Object.entries(functions)) {
    text = text.replaceAll(
      `arn:aws:lambda:${region}:${account}:function:${block!.function_name}`,
      `\${data.aws_lambda_function.${id}.arn}`,
    );
  }
  // A child workflow of the same build: its state machine resource, by the name it is deployed under.
  for (const [id, name] of Object.entries(machines))
    text = text.replaceAll(`arn:aws:states:${region}:${account}:stateMachine:${name}"`, `\${aws_sfn_state_machine.${id}.arn}"`);
  return JSON.parse(text);
}

/** Each `aws_sfn_state_machine` label and the workflow name it deploys (its `name`, without the prefix), as HashiCorp's parser reads them. */
function machineNames(parsed: Record<string, Record<string, unknown>>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const file of Object.values(parsed)) {
    const machines = ((file.resource as Record<string, Record<string, { name: string }[]>> | undefined) ?? {}).aws_sfn_state_machine ?? {};
    for (const [id, [block]] of Object.entries(machines)) names[id] = block!.name.replace("${var.name_prefix}", "");
  }
  return names;
}

describe.each(["jsonencode", "templatefile"] as const)("the examples' Terraform (%s)", (mode) => {
  let result: CompileResult;
  let dir: string;
  let evaluated: Evaluated;
  let parsed: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    result = await compile({ files: examples, cwd: root, region, account, terraformDefinition: mode });
    expect(result.diagnostics).toEqual([]);
    dir = writeModule(result.files);
    evaluated = hcleval(dir);
    parsed = await hcl2json(dir);
  }, 240_000);

  test("every state machine's definition evaluates to the ASL, references standing for the ARNs", () => {
    expect(Object.keys(evaluated.state_machines)).toHaveLength(result.workflows.length);
    for (const w of result.workflows) {
      const machine = Object.values(evaluated.state_machines).find((m) => m.name === w.name);
      expect(machine, w.name).toBeDefined();
      expect(machine!.definition).toEqual(withReferences(w.asl, parsed["data.tf"], machineNames(parsed)));
      expect(machine!.type).toBe(w.ir.type);
      expect(machine!.role_arn).toMatch(/^\$\{aws_iam_role\.[a-z_]+\.arn\}$/);
    }
  });

  test("HashiCorp's parser reads every file, and no block is declared twice in the module", () => {
    const blocks = declaredBlocks(parsed);
    expect(blocks.length).toBeGreaterThan(result.workflows.length * 2);
    expect(blocks.filter((b, i) => blocks.indexOf(b) !== i)).toEqual([]);
  });

  test("the module has the conventional variables and an ARN and role output per workflow", () => {
    expect(evaluated.variables.sort()).toEqual(["alarm_email", "log_retention_days", "name_prefix", "tags"]); // alarm_email: the fulfilment example makes its alarm topic
    expect(evaluated.outputs).toHaveLength(result.workflows.length * 2);
  });

  test("Terraform itself accepts the module: init, validate against the AWS provider, apply against a mock, fmt", () => {
    expect(tfcheck(dir)).toBe("tfcheck: valid");
  }, 720_000);

  test("each workflow's compiled result carries its own Terraform files", () => {
    for (const w of result.workflows) {
      expect(Object.keys(w.terraform)).toEqual(mode === "templatefile" ? [`${w.name}.tf`, `${w.name}.asl.json`] : [`${w.name}.tf`]);
      expect(w.terraform[`${w.name}.tf`]).toContain('resource "aws_sfn_state_machine"');
    }
  });
});

test("templatefile mode reads the definition from the .asl.json beside it, its references as template variables", async () => {
  const { files } = await compile({
    files: ["examples/order-processing.ts"],
    cwd: root,
    region,
    account,
    terraformDefinition: "templatefile",
  });
  expect(files["order-processing.tf"]).toContain(
    'definition = templatefile("${path.module}/order-processing.asl.json", { ref_0 = data.aws_lambda_function.validate_order.arn',
  );
  expect(files["order-processing.asl.json"]).toContain('"Resource": "${ref_0}"');
});

test("a build with an error has no files to write (names in the ASL file need --region and --account)", async () => {
  const { files, diagnostics } = await compile({ files: ["examples/batch-job.ts"], cwd: root });
  expect(diagnostics.map((d) => d.code)).toEqual(["SW0005"]);
  expect(files).toEqual({});
});

test("two builds give byte-identical Terraform", async () => {
  const first = await compile({ files: examples, cwd: root, region, account });
  const second = await compile({ files: [...examples].reverse(), cwd: root, region, account });
  expect(second.files).toEqual(first.files);
  expect(Object.keys(first.files).sort()).toEqual(
    [
      ...first.workflows.flatMap((w) => [`${w.name}.asl.json`, `${w.name}.tf`]),
      "data.tf",
      "outputs.tf",
      "variables.tf",
      "versions.tf",
    ].sort(),
  );
  expect(readFileSync(join(root, "examples/order-processing.ts"), "utf8")).toContain("orderProcessing");
});

test("workflow names that meet in one label still get a label each: orders, orders-role and orders_role, in any order", async () => {
  const names = ["orders", "orders-role", "orders_role", "a-b", "a_b"];
  const emit = (order: string[]) =>
    emitTerraform(
      order.map((name) => ({ ir: workflow(name, { definition: pass("P") }).assemble().ir, file: "names.ts", exportName: "x" })),
      { region, account },
    );
  const module = await emit(names);
  expect(await emit([...names].reverse())).toEqual(module);
  const dir = writeModule(module.files);
  const blocks = declaredBlocks(await hcl2json(dir));
  expect(blocks.filter((b, i) => blocks.indexOf(b) !== i)).toEqual([]);
  expect(blocks.filter((b) => b.startsWith("output.")).sort()).toEqual(
    [
      "orders_arn",
      "orders_role_arn",
      "orders_role_2_arn",
      "orders_role_role_arn",
      "orders_role_2_role_arn",
      "orders_role_arn_2",
      "a_b_arn",
      "a_b_role_arn",
      "a_b_2_arn",
      "a_b_2_role_arn",
    ]
      .map((o) => `output.${o}`)
      .sort(),
  );
  expect(tfcheck(dir)).toBe("tfcheck: valid");
}, 720_000);
