import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { workflowName } from "../../../compiler/rules/workflow-name.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2016 workflow-name", () => {
  test("a name with path separators is reported at the workflow, and nothing is built", async () => {
    await expectFixture("rules/workflow-name.ts", {
      code: "SW2016",
      line: 4,
      column: 25,
      message: 'Workflow name "../../evil" cannot be deployed: it contains ".", "/".',
    });
  });

  test("the names of the module's shared files are taken: data, outputs, variables, versions", () => {
    for (const taken of ["data", "outputs", "variables", "versions"]) {
      expect(findings(workflowName, workflow(taken, { definition: pass("P") }))).toEqual([
        `Workflow name "${taken}" is taken: its Terraform would overwrite the module's shared ${taken}.tf. Choose another name.`,
      ]);
    }
  });

  test("empty, too long, spaces, quotes, ${...}, newlines and non-ASCII letters are refused; letters, digits, - and _ are fine", () => {
    for (const bad of ["", "x".repeat(81), "order processing", 'a"b', "${var.x}", "a\nb", "café", "outputs.tf"]) {
      expect(findings(workflowName, workflow(bad, { definition: pass("P") })), JSON.stringify(bad)).toHaveLength(1);
    }
    for (const good of ["orders", "Order_Processing-2", "x".repeat(80), "output", "data-sync"]) {
      expect(findings(workflowName, workflow(good, { definition: pass("P") })), good).toEqual([]);
    }
  });
});
