import { describe, expect, test } from "vitest";
import { compile } from "../../compiler/compile.ts";
import { root } from "../support/compile.ts";

/**
 * `compile` emits each workflow's ASL and Terraform; a caller that uses them only from a compile
 * without errors (`outputsOnlyWhenClean`, as `build` does) gets the same findings, and no time spent
 * on outputs nobody writes once an error is certain.
 */
const scope = { cwd: root, tsconfig: "test/fixtures/tsconfig.json", region: "us-east-1", account: "123456789012" };
// A type error in one file, a rule's error (SW2006) in the other.
const failing = ["test/fixtures/flow/missing-field.ts", "test/fixtures/rules/catch-all-last.ts"];
const clean = ["test/fixtures/valid/idiomatic.ts"];

describe("compile", () => {
  test("gives each workflow its Terraform, with errors or without (the API's contract)", async () => {
    const result = await compile({ ...scope, files: failing });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["SW1001", "SW2006"]);
    expect(result.files).toEqual({});
    expect(result.workflows.map((w) => w.name)).toEqual(["missing-field", "catch-all-last"]);
    for (const workflow of result.workflows) expect(Object.keys(workflow.terraform)).toEqual([`${workflow.name}.tf`]);
  });

  test("outputsOnlyWhenClean: the same findings, rules and all; no Terraform once an error is certain", async () => {
    const full = await compile({ ...scope, files: failing });
    const lean = await compile({ ...scope, files: failing, outputsOnlyWhenClean: true });
    expect(lean.diagnostics).toEqual(full.diagnostics);
    expect(lean.files).toEqual({});
    expect(lean.workflows.map((w) => [w.name, w.asl])).toEqual(full.workflows.map((w) => [w.name, w.asl]));
    expect(lean.workflows.map((w) => w.terraform)).toEqual([{}, {}]);
  });

  test("outputsOnlyWhenClean: a clean compile's outputs are byte for byte the same", async () => {
    const full = await compile({ ...scope, files: clean });
    const lean = await compile({ ...scope, files: clean, outputsOnlyWhenClean: true });
    expect(full.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(Object.keys(lean.files).sort()).toContain("idiomatic.asl.json");
    expect(lean.files).toEqual(full.files);
    expect(lean.workflows).toEqual(full.workflows);
  });
});
