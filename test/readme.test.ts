/** The README's first screen is a workflow a user can copy: it builds with no diagnostic. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { root } from "./support/compile.ts";
import { tempProject } from "./support/temp-project.ts";

test("the first example of the README builds, with the types it claims", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const example = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(example).toContain('choice("IsValid", (c) =>');
  const dir = tempProject({ "src/orders.ts": example });
  const { diagnostics, workflows } = await compile({ cwd: dir, files: ["src/orders.ts"], region: "us-east-1", account: "123456789012" });
  expect(diagnostics).toEqual([]);
  expect(Object.keys(workflows[0]!.asl.States as object)).toEqual(["ValidateOrder", "IsValid", "ChargeCard", "Done", "Invalid"]);
  // The inline Choice is typed: a field ValidateOrder does not give is a TypeScript error there.
  const broken = tempProject({ "src/orders.ts": example.replace("$.check.valid", "$.check.vaild") });
  const result = await compile({ cwd: broken, files: ["src/orders.ts"], checkOnly: true });
  expect(result.diagnostics.map((d) => d.code)).toEqual(["TS2551"]);
});
