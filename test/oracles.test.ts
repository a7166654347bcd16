/**
 * The oracles themselves: each one the suite trusts is shown once to reject something known to be
 * wrong, so a green test means the oracle looked, not that it could not see.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { Window } from "happy-dom";
import { describe, expect, test } from "vitest";
import { prettierJson } from "../compiler/emit/asl/format.ts";
import { root } from "./support/compile.ts";
import { validate } from "./support/oracles.ts";
import { hcleval, tfcheck, writeModule } from "./support/terraform.ts";

describe("each oracle rejects what is known to be wrong", () => {
  test("asl-validator: a definition from the invalid corpus (a Next to no state)", () => {
    const bad = JSON.parse(
      readFileSync(join(root, "../shared/corpus/invalid/asl-validator/src____tests____definitions__invalid-inexistant-state.json"), "utf8"),
    );
    expect(validate(bad).length).toBeGreaterThan(0);
  });

  test("hcleval: HCL with an unterminated string, and a reference to nothing", () => {
    expect(() => hcleval(writeModule({ "a.tf": 'locals {\n  x = "open\n}\n' }))).toThrow(/hcleval rejected the module/);
    const undeclared =
      'resource "aws_sfn_state_machine" "m" {\n  name       = "m"\n  role_arn   = aws_iam_role.nobody.arn\n  definition = jsonencode({ StartAt = "A", States = { A = { Type = "Succeed" } } })\n}\n';
    expect(() => hcleval(writeModule({ "m.tf": undeclared }))).toThrow(/hcleval rejected the module/);
  });

  test("tfcheck (Terraform): an argument the AWS provider does not have", () => {
    const wrong =
      'resource "aws_sfn_state_machine" "m" {\n  name       = "m"\n  role_arn   = "arn:aws:iam::123456789012:role/r"\n  definition = "{}"\n  colour     = "blue"\n}\n';
    expect(() => tfcheck(writeModule({ "m.tf": wrong }))).toThrow(/Unsupported argument/);
  }, 720_000);

  test("Mermaid's parser: a flowchart with a broken edge", async () => {
    const window = new Window();
    Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
    const mermaid = ((await import("mermaid")) as unknown as { default: { parse(text: string): Promise<unknown> } }).default;
    await expect(mermaid.parse("flowchart TD\n  a -->\n")).rejects.toThrow();
  });

  test("the XML validator: an SVG with an unclosed element", () => {
    expect(XMLValidator.validate('<svg xmlns="http://www.w3.org/2000/svg"><g><text>x</g></svg>')).not.toBe(true);
  });

  test("Prettier's JSON: text that is not JSON", async () => {
    await expect(prettierJson('{"a": }')).rejects.toThrow();
  });
});
