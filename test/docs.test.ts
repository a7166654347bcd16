/**
 * The documentation a user reads: a README short enough to read (what it is, a tested example, the
 * commands, links), and docs/ pages whose links resolve and whose code blocks compile and run.
 * Each page's own claims are tested where test/README.md says.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import * as dsl from "stepwright";
import { compile } from "stepwright/compiler";
import { integrationDescriptors } from "../src/integrations/registry.ts";
import { diagnosticsPage, integrationsPage } from "../scripts/docs.ts";
import { root } from "./support/compile.ts";
import { tempProject } from "./support/temp-project.ts";

const pages = ["README.md", "CONTRIBUTING.md", "bench/README.md", ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`)];
const text = (page: string) => readFileSync(join(root, page), "utf8");
/** The fenced blocks of a page in a language. */
const blocks = (page: string, language: string) =>
  [...text(page).matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
/** The headings' anchors as GitHub makes them. */
const anchors = (page: string) =>
  new Set(
    [...text(page).matchAll(/^#+ (.+)$/gm)].map((m) =>
      m[1]!
        .toLowerCase()
        .replace(/[^\w\- ]/g, "")
        .replace(/ /g, "-"),
    ),
  );

describe("the documentation", () => {
  test("the README is under 200 lines and names every command the CLI has", () => {
    const readme = text("README.md");
    expect(readme.split("\n").length).toBeLessThan(200);
    for (const command of ["init", "check", "build", "graph", "run", "import", "cost"])
      expect(readme).toContain(`\`stepwright ${command} `);
  });

  test.each(pages)("%s: every relative link goes to a file (and heading) that exists", (page) => {
    const links = [...text(page).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) {
      const [file, anchor] = link.split("#");
      const target = file ? join(dirname(page), file) : page;
      expect(() => text(target), `${page}: ${link}`).not.toThrow();
      if (anchor) expect(anchors(target).has(anchor), `${page}: ${link}`).toBe(true);
    }
  });

  test("docs/integrations.md is what the descriptors generate (npm run docs), and each helper it names is the DSL's", () => {
    expect(text("docs/integrations.md")).toBe(integrationsPage());
    expect(text("docs/diagnostics.md")).toBe(diagnosticsPage());
    for (const { helper } of integrationDescriptors) {
      const [namespace, method] = helper.split(".") as [keyof typeof dsl, string];
      expect(typeof (dsl[namespace] as unknown as Record<string, unknown>)[method], helper).toBe("function");
    }
  });

  test("the editor task's problem matcher (docs/cli.md) reads every diagnostic `stepwright check` prints, as --json has it", () => {
    const [tasks] = blocks("docs/cli.md", "json");
    const matcher = JSON.parse(tasks!).tasks[0].problemMatcher;
    const pattern = new RegExp(matcher.pattern.regexp);
    const fixtures = [
      "test/fixtures/flow/restate-did-you-mean.ts",
      "test/fixtures/flow/plain-type-error.ts",
      "test/fixtures/rules/service-limits.ts",
      "test/fixtures/rules/assumed-result.ts",
    ];
    const run = (...flags: string[]) =>
      spawnSync(process.execPath, [join(root, "compiler/bin.mjs"), "check", ...fixtures, ...flags], { cwd: root, encoding: "utf8" });
    const printed = run()
      .stderr.split("\n")
      .flatMap((line) => {
        const m = pattern.exec(line);
        if (!m) return [];
        const field = (name: string) => m[matcher.pattern[name]]!;
        return [
          {
            file: join(root, field("file")),
            line: Number(field("line")),
            column: Number(field("column")),
            severity: field("severity"),
            code: field("code"),
            message: field("message"),
          },
        ];
      });
    const json = run("--json")
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(json.map((d) => d.code)).toEqual(expect.arrayContaining(["SW1001", "TS2322", "SW2020"]));
    expect(printed).toEqual(
      json.map(({ file, line, column, severity, code, message }) => ({
        file,
        line,
        column,
        severity,
        code,
        message: String(message).split("\n")[0],
      })),
    );
  });

  test("the configuration example (docs/cli.md) and the test example (docs/testing.md) compile, and the test runs", async () => {
    const [config] = blocks("docs/cli.md", "ts");
    const [testing] = blocks("docs/testing.md", "ts");
    // A project as `stepwright init` sets it up: `.ts` in import paths allowed, as the example writes them.
    const tsconfig = JSON.parse(readFileSync(join(tempProject({}), "tsconfig.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>;
    };
    tsconfig.compilerOptions.allowImportingTsExtensions = true;
    const dir = tempProject({
      "tsconfig.json": JSON.stringify(tsconfig),
      "src/config-example.ts": config!,
      "src/order-processing.ts": text("examples/order-processing.ts"),
      "src/testing-example.ts": `${testing!}\nexport const ran = run.path;\n`,
    });
    const { diagnostics } = await compile({ cwd: dir, files: ["src/config-example.ts", "src/testing-example.ts"], checkOnly: true });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("the versions and aliases example (docs/terraform.md) builds: two aliases, their outputs, the parent's alias in its definition", async () => {
    const [example] = blocks("docs/terraform.md", "ts");
    const dir = tempProject({ "src/billing.ts": example! });
    const { diagnostics, files } = await compile({ cwd: dir, files: ["src/billing.ts"], region: "us-east-1", account: "123456789012" });
    expect(diagnostics).toEqual([]);
    expect(files["billing.tf"]).toMatch(/resource "aws_sfn_alias" "billing_live"[\s\S]*resource "aws_sfn_alias" "billing_canary"/);
    expect(files["outputs.tf"]).toContain('output "billing_canary_alias_arn"');
    expect(files["orders.tf"]).toContain(`"states:StateMachineQualifier" = "live"`);
  });
});
