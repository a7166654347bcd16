/**
 * Writes the reference pages generated from the code: `docs/diagnostics.md` from the diagnostics
 * catalogue, `docs/integrations.md` from the integrations' descriptors. `npm run docs`; a test fails while a page differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CatalogueEntry, catalogue, type Code } from "../compiler/base/catalogue.ts";
import { resourceArn } from "../compiler/emit/asl/resource.ts";
import type { IntegrationPattern } from "../src/ir/resource.ts";
import type { IntegrationDescriptor } from "../src/integrations/descriptor.ts";
import { resourceOf } from "../src/integrations/descriptor.ts";
import { integrationDescriptors } from "../src/integrations/registry.ts";

const root = join(import.meta.dirname, "..");

/** An example file as a fenced block in its language. */
function exampleBlock(path: string): string {
  const text = readFileSync(join(root, path), "utf8").trimEnd();
  return `Triggered by \`${path}\`:\n\n\`\`\`${path.endsWith(".json") ? "json" : "ts"}\n${text}\n\`\`\``;
}

function section(code: Code, entry: CatalogueEntry): string {
  return [`## ${code}`, `**${entry.title}** (${entry.severity})`, entry.help, ...(entry.example ? [exampleBlock(entry.example)] : [])].join(
    "\n\n",
  );
}

export function diagnosticsPage(): string {
  const entries = Object.entries(catalogue) as [Code, CatalogueEntry][];
  return (
    [
      "# Diagnostics",
      "<!-- Generated from compiler/base/catalogue.ts by `npm run docs`: edit the catalogue, not this page. -->",
      "Every finding Stepwright reports under a code of its own. An error fails `check` and `build` (exit 1, nothing written); a warning is printed and the build goes on. A diagnostic points at the place in your code it is about, names the steps, and (in the terminal and in `--json`) gives related places, such as the `.next` a step receives its data by. A TypeScript error on a step's code (a field a `$` read does not find, an operator or operand of the wrong type, a request field of the wrong type) is restated under SW1001 or SW1002, with TypeScript's code in the `typescript` field of `--json`; any other TypeScript error in a workflow file is passed through under its own `TSxxxx` code, the package's internal types named by what they stand for.",
      [
        "| code | severity | finding |",
        "|---|---|---|",
        ...entries.map(([code, e]) => `| [${code}](#${code.toLowerCase()}) | ${e.severity} | ${e.title} |`),
      ].join("\n"),
      "Codes by range: SW0xxx the files given, SW1xxx the data between steps, SW2xxx rules of ASL and AWS that TypeScript cannot see, SW4xxx `stepwright import`.",
      ...entries.map(([code, entry]) => section(code, entry)),
    ].join("\n\n") + "\n"
  );
}

/** How each pattern is asked for in the DSL. */
const patternCalls: Record<IntegrationPattern, string> = {
  requestResponse: "(the call as it is)",
  sync: "`.sync()`",
  "sync:2": "`.sync()`",
  waitForTaskToken: "`.waitForTaskToken()`",
};

function integrationSection(d: IntegrationDescriptor): string {
  const context = { partition: "aws", region: "us-east-1", account: "123456789012", request: undefined };
  const granted = d.patterns.map((pattern) => ({ pattern, statements: d.iam({ ...context, pattern }) }));
  const rows = granted.map(({ pattern, statements }) => {
    const actions = [...new Set(statements.flatMap((s) => s.actions))].map((a) => `\`${a}\``).join(", ");
    const resource = resourceArn({ ...resourceOf(d), pattern }, context);
    return `| ${pattern} | ${patternCalls[pattern]} | \`${resource}\` | ${actions} |`;
  });
  const anywhere = [
    ...new Set(
      granted.flatMap(({ statements }) =>
        statements.flatMap((s) => (s.why ? [`\`${s.actions.join("`, `")}\` on \`"*"\` — ${s.why}`] : [])),
      ),
    ),
  ];
  const required = d.required.map((r) => (typeof r === "string" ? `\`${r}\`` : r.map((f) => `\`${f}\``).join(" or "))).join(", ");
  return [
    `## ${d.helper}`,
    `\`${d.id}\`. Required in the request: ${required || "nothing"}${d.targetField ? `; the target goes into \`${d.targetField}\`` : ""}. IAM per [AWS's page](${d.iamDocs}); a local run ${d.localRun === "lambda" ? "mocks it, or calls the real function with `--invoke-aws`" : "mocks it"}.`,
    ["| pattern | in the DSL | Resource | IAM actions granted |", "|---|---|---|---|", ...rows].join("\n"),
    ...(anywhere.length > 0 ? [`Where the workflow does not name the resource, the role gets ${anywhere.join("; ")}.`] : []),
    ...(d.resultMayLack
      ? [
          `The result may lack ${Object.entries(d.resultMayLack)
            .map(([field, when]) => `\`${field}\` (${when})`)
            .join(", ")}: test for it, or assume it knowingly (SW2020).`,
        ]
      : []),
  ].join("\n\n");
}

export function integrationsPage(): string {
  return (
    [
      "# Integrations",
      "<!-- Generated from the integrations' descriptors (src/integrations/) by `npm run docs`. -->",
      "The optimized integrations Stepwright types, each from one descriptor: the helper, the Resource each pattern writes, the request fields AWS requires, and the IAM actions the role is granted (on the specific resource the request names, where it names one). `sdk(service, action)` calls any AWS SDK action (`arn:aws:states:::aws-sdk:<service>:<action>`), `lambda<In, Out>(fn)` a function directly, `activity(arn)` an activity and `resource(arn)` any Resource as written.",
      ...integrationDescriptors.map((d) => integrationSection(d)),
    ].join("\n\n") + "\n"
  );
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  writeFileSync(join(root, "docs/diagnostics.md"), diagnosticsPage());
  writeFileSync(join(root, "docs/integrations.md"), integrationsPage());
}
