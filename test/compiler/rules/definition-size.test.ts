import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { definitionSize } from "../../../compiler/rules/definition-size.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2010 definition-size", () => {
  test("a definition over 1 MiB, reported at the workflow, counted as deployed (compact JSON, as jsonencode writes it)", async () => {
    // {"StartAt":"Seed","States":{"Seed":{"Type":"Pass","Result":{"table":"x…x"},"End":true}}}: 85 bytes around the 1,100,000.
    const deployed = '{"StartAt":"Seed","States":{"Seed":{"Type":"Pass","Result":{"table":""},"End":true}}}'.length + 1_100_000;
    expect(deployed).toBe(1_100_085);
    await expectFixture("rules/definition-size.ts", {
      code: "SW2010",
      line: 4,
      column: 21,
      message: `Workflow "definition-size" is ${deployed} bytes of ASL; AWS accepts at most 1048576`,
    });
  });

  test("bytes, not characters, count", () => {
    const wf = workflow("w", { definition: pass("P") });
    expect(findings(definitionSize, wf, "é".repeat(524_288))).toEqual([]);
    expect(findings(definitionSize, wf, "é".repeat(524_289))).toHaveLength(1);
  });
});
