/**
 * Versions and aliases: a workflow that publishes a version on each deploy, with an alias on the
 * version just published and one shifting a tenth of its executions to it from a version kept in
 * a variable; a parent that starts the child by alias. Read back by HashiCorp's parser; accepted
 * by Terraform. The ASL does not change: a local run and a cost estimate see the same definition.
 */
import { parse } from "@cdktf/hcl2json";
import { expect, test } from "vitest";
import { lambda, pass, stepFunctions, task, tf, workflow } from "stepwright";
import { emitAsl } from "../../../../compiler/emit/asl/index.ts";
import { emitTerraform } from "../../../../compiler/emit/terraform/index.ts";
import { hcleval, tfcheck, writeModule } from "../../../support/terraform.ts";

const region = "us-east-1";
const account = "123456789012";

const child = workflow("billing", {
  definition: task("Charge", lambda<{ id: string }, { paid: boolean }>("charge")),
  publish: true,
  aliases: {
    live: { description: "what callers start" },
    canary: {
      routing: [
        { version: "published", weight: 10 },
        { version: tf("var.billing_stable_version_arn"), weight: 90 },
      ],
    },
  },
});
const parent = workflow("orders", {
  definition: pass<{ id: string }>("Start").next(task("Bill", stepFunctions.startExecution(child, { alias: "live" }).sync())),
});

type Parsed = {
  resource: Record<string, Record<string, Record<string, any>[]>>;
  output?: Record<string, { value: string }[]>;
};

test("an alias per entry, routed by weight to the published version or one given; outputs; the parent may start the alias alone", async () => {
  const workflows = [child, parent].map((w) => ({ ir: w.assemble().ir, file: "aliases.ts", exportName: w.name }));
  const module = await emitTerraform(workflows, { region, account });
  const billing = (await parse("billing.tf", module.files["billing.tf"]!)) as Parsed;

  expect(billing.resource.aws_sfn_state_machine!.billing![0]).toMatchObject({ publish: true });
  expect(billing.resource.aws_sfn_alias).toEqual({
    billing_live: [
      {
        name: "live",
        description: "what callers start",
        routing_configuration: [{ state_machine_version_arn: "${aws_sfn_state_machine.billing.state_machine_version_arn}", weight: 100 }],
      },
    ],
    billing_canary: [
      {
        name: "canary",
        routing_configuration: [
          { state_machine_version_arn: "${aws_sfn_state_machine.billing.state_machine_version_arn}", weight: 10 },
          { state_machine_version_arn: "${var.billing_stable_version_arn}", weight: 90 },
        ],
      },
    ],
  });

  const outputs = ((await parse("outputs.tf", module.files["outputs.tf"]!)) as Parsed).output!;
  expect(outputs.billing_live_alias_arn![0]!.value).toBe("${aws_sfn_alias.billing_live.arn}");
  expect(outputs.billing_canary_alias_arn![0]!.value).toBe("${aws_sfn_alias.billing_canary.arn}");

  // The parent names the alias in its definition, and its role may start that alias only.
  const orders = (await parse("orders.tf", module.files["orders.tf"]!)) as Parsed;
  const inner = orders.resource.aws_iam_role_policy!.orders![0]!.policy.replace(/^\$\{jsonencode\(/, "").replace(/\)\}$/, "");
  const { p } = (await parse("policy.tf", `p = ${inner}\n`)) as { p: { Statement: Record<string, unknown>[] } };
  expect(p.Statement.filter((s) => JSON.stringify(s.Action).includes("states:StartExecution"))).toEqual([
    {
      Effect: "Allow",
      Action: ["states:StartExecution"],
      Resource: "${aws_sfn_state_machine.billing.arn}",
      Condition: { StringEquals: { "states:StateMachineQualifier": "live" } },
    },
  ]);

  const variable = `variable "billing_stable_version_arn" {\n  type    = string\n  default = "arn:aws:states:${region}:${account}:stateMachine:billing:1"\n}\n`;
  const dir = writeModule({ ...module.files, "user.tf": variable });
  const evaluated = hcleval(dir);
  const bill = (
    evaluated.state_machines.orders!.definition.States as Record<string, { Arguments?: unknown; Parameters?: Record<string, string> }>
  ).Bill!;
  expect(bill.Parameters?.StateMachineArn).toBe("${aws_sfn_state_machine.billing.arn}:live");
  expect(tfcheck(dir)).toBe("tfcheck: valid");
}, 720_000);

test("aliases live in Terraform only: the ASL is the same with them or without", () => {
  const plain = workflow("billing", { definition: task("Charge", lambda<{ id: string }, { paid: boolean }>("charge")) });
  const options = { region, account };
  expect(emitAsl(child.assemble().ir, options)).toEqual(emitAsl(plain.assemble().ir, options));
});
