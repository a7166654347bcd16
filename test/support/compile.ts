import { join } from "node:path";
import { compile, type Diagnostic } from "stepwright/compiler";
import type { Workflow } from "stepwright";
import type { Rule } from "../../compiler/rules/index.ts";

export const root = join(import.meta.dirname, "../..");

/** The diagnostics `stepwright check` gives for one fixture under test/fixtures/. */
export async function diagnosticsOf(fixture: string): Promise<readonly Diagnostic[]> {
  const { diagnostics } = await compile({ files: [`test/fixtures/${fixture}`], cwd: root, region: "us-east-1", account: "123456789012" });
  return diagnostics;
}

/** The file a fixture diagnostic should name. */
export const fixturePath = (fixture: string) => join(root, "test/fixtures", fixture);

/** What one rule finds in a workflow built in the test. */
export function findings(rule: Rule, workflow: Workflow<any, any>, aslText?: string): string[] {
  const { ir } = workflow.assemble();
  return rule.check(aslText === undefined ? { workflow: ir } : { workflow: ir, aslText }).map((f) => f.message);
}

/** Asserts that a rule's fixture gives exactly one diagnostic: its code, where, about which steps. */
export async function expectFixture(
  fixture: string,
  expected: { code: string; line: number; column: number; steps?: readonly string[]; message: string },
): Promise<void> {
  const { expect } = await import("vitest");
  const diagnostics = await diagnosticsOf(fixture);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  expect(d).toMatchObject({
    code: expected.code,
    severity: "error",
    file: fixturePath(fixture),
    line: expected.line,
    column: expected.column,
  });
  if (expected.steps) expect(d!.steps).toEqual(expected.steps);
  else expect(d!.steps).toBeUndefined();
  expect(d!.message).toContain(expected.message);
}
