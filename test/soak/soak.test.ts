/**
 * The soak: random workflows through the public DSL (see random-workflow.ts), each checked by the
 * real oracles, never by the pipeline's own intermediate values: asl-validator accepts the
 * `.asl.json` as written; HashiCorp's evaluator (hcleval) decodes the `.tf`'s definition to exactly
 * that file's JSON; a second emission gives the same bytes; Terraform itself (tfcheck) accepts a
 * sample of the modules. `npm test` runs SOAK_RUNS=200 (the default); `npm run soak` runs 10,000.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { emitAsl, formatAsl } from "../../compiler/emit/asl/index.ts";
import { emitTerraform } from "../../compiler/emit/terraform/index.ts";
import { validate } from "../support/oracles.ts";
import { hcleval, tfcheck, writeModule } from "../support/terraform.ts";
import { buildWorkflow, workflowSpec } from "./random-workflow.ts";

const runs = Number(process.env.SOAK_RUNS ?? 200);
// Terraform takes seconds a module: the first module, then every 2,000th.
const tfcheckEvery = 2000;
const scope = { region: "us-east-1", account: "123456789012" } as const;

async function emit(name: string, spec: Parameters<typeof buildWorkflow>[1]) {
  const { ir, problems } = buildWorkflow(name, spec).assemble();
  expect(problems).toEqual([]);
  const aslText = await formatAsl(emitAsl(ir, scope));
  const module = await emitTerraform([{ ir, file: "soak.ts", exportName: "soak" }], scope);
  return { aslText, files: module.files };
}

// The timeout only stops a hang, it claims no speed: a run takes ~0.7 s here, and 200 took from 80 s to 154 s.
test(
  `${runs} random workflows: valid ASL, definitions that decode to the .asl.json, the same bytes twice, modules Terraform accepts`,
  async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(workflowSpec, async (spec) => {
        const name = `soak-${index % 7}`;
        const first = await emit(name, spec);
        expect(validate(JSON.parse(first.aslText))).toEqual([]);
        const dir = writeModule(first.files);
        expect(hcleval(dir).state_machines[name.replaceAll("-", "_")]!.definition).toEqual(JSON.parse(first.aslText));
        const second = await emit(name, spec);
        expect(second).toEqual(first);
        if (index % tfcheckEvery === 0) expect(tfcheck(dir)).toBe("tfcheck: valid");
        index++;
      }),
      { numRuns: runs },
    );
  },
  Math.max(600_000, runs * 3_000),
);
