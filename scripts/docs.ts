/**
 * Writes the reference pages generated from the code: `docs/diagnostics.md` from the diagnostics
 * catalogue. `npm run docs`; a test fails while a page differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CatalogueEntry, catalogue, type Code } from "../compiler/base/catalogue.ts";

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
      "Every finding Stepwright reports under a code of its own. An error fails `check` and `build` (exit 1, nothing written); a warning is printed and the build goes on. A diagnostic points at the place in your code it is about, names the steps, and (in the terminal and in `--json`) gives related places, such as the `.next` a step receives its data by. Any other TypeScript error in a workflow file is passed through under its own `TSxxxx` code.",
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

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  writeFileSync(join(root, "docs/diagnostics.md"), diagnosticsPage());
}
