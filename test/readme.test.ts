/** The README's first screen is a workflow a user can copy: it builds with no diagnostic. The docs' generated figures are what the commands print. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { root } from "./support/compile.ts";
import { notImported, reported, warned } from "./support/import-exceptions.ts";
import { tempProject } from "./support/temp-project.ts";

test("the first example of the README builds, with the types it claims", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const example = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(example).toContain('choice("IsValid", (c) =>');
  const dir = tempProject({ "src/orders.ts": example });
  const { diagnostics, workflows } = await compile({ cwd: dir, files: ["src/orders.ts"], region: "us-east-1", account: "123456789012" });
  expect(diagnostics).toEqual([]);
  expect(Object.keys(workflows[0]!.asl.States as object)).toEqual(["ValidateOrder", "IsValid", "ChargeCard", "Done", "Invalid"]);
  // The inline Choice is typed: a field ValidateOrder does not give is a TypeScript error there, restated.
  const broken = tempProject({ "src/orders.ts": example.replace("$.check.valid", "$.check.vaild") });
  const result = await compile({ cwd: broken, files: ["src/orders.ts"], checkOnly: true });
  expect(result.diagnostics.map((d) => [d.code, d.typescript])).toEqual([["SW1001", "TS2551"]]);
  expect(result.diagnostics[0]!.message).toContain("reads input.check.vaild, but input.check");
  expect(result.diagnostics[0]!.message).toContain('Did you mean "valid"?');
});

const page = (name: string) => readFileSync(join(root, "docs", name), "utf8");
const stepwright = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, "compiler/bin.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

test("the cost page's table is what `stepwright cost examples/*.ts --markdown` prints", () => {
  const examples = ["approval", "batch-job", "chained-lambdas", "etl-pipeline", "fulfilment", "jsonata-orders", "order-processing"].map(
    (f) => `examples/${f}.ts`,
  );
  const table = stepwright("cost", ...examples, "--markdown");
  expect(table).toContain("| batch-job | STANDARD | 6 + 3·loops(WaitForExport)");
  expect(page("cost.md")).toContain(table);
});

test("the testing page's run diagram is what `stepwright run --diagram run.mmd` draws for its command", () => {
  const section = page("testing.md").split("## Runs on the diagram")[1]!;
  const command = /```sh\n([\s\S]*?)```/.exec(section)![1]!.replace(/\\\n\s*/g, " ");
  const args = [...command.matchAll(/'[^']*'|\S+/g)].map((m) => m[0].replace(/^'|'$/g, "")).slice(2);
  const out = join(mkdtempSync(join(tmpdir(), "sw-readme-")), "run.mmd");
  const at = args.indexOf("run.mmd");
  args[at] = out;
  try {
    stepwright(...args);
  } catch {
    // The declined claim fails the execution (exit 1): that is the run the README draws.
  }
  const drawn = readFileSync(out, "utf8");
  expect(drawn).toContain("title: expense-approval (failed at Rejected)");
  expect(section).toContain(`\`\`\`mermaid\n${drawn}\`\`\``);
});

test("the import page's example is what `stepwright import` prints for its fixture, and its exceptions are the corpus test's", () => {
  const section = page("import.md");
  const fixture = readFileSync(join(root, "test/fixtures/import/terraform/jsonencode.tf"), "utf8");
  for (const line of fixture.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"))) expect(section).toContain(line);
  expect(section).toContain(`\`\`\`ts\n${stepwright("import", "test/fixtures/import/terraform/jsonencode.tf")}\`\`\``);
  const listed = [...section.matchAll(/^\| `([^`]+\.json)` \| (SW2020: )?/gm)];
  expect(
    listed
      .filter((m) => !m[2])
      .map((m) => m[1])
      .sort(),
  ).toEqual([...Object.keys(notImported), ...Object.keys(reported)].sort());
  expect(
    listed
      .filter((m) => m[2])
      .map((m) => m[1])
      .sort(),
  ).toEqual(Object.keys(warned).sort());
  for (const [file, { why }] of Object.entries(warned)) expect(section).toContain(`| \`${file}\` | SW2020: ${why} |`);
});
