import { type Diagnostic, diagnostic } from "../base/diagnostic.js";
import { importCodes } from "./base/codes.js";
import { importModule } from "./module.js";
import type { FoundDefinition } from "./sources/json.js";

/** `$.States["A"].Retry[0]` as segments: `["States", "A", "Retry", 0]`. */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const part = /\.([^.[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.slice(1).matchAll(part))
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
  return segments;
}

/** The module's TypeScript, formatted as Prettier formats it. */
async function formatted(text: string): Promise<string> {
  const [typescript, estree, { format }] = await Promise.all([
    import("prettier/plugins/typescript"),
    import("prettier/plugins/estree"),
    import("prettier/standalone"),
  ]);
  return format(text, { parser: "typescript", plugins: [typescript, estree] });
}

/** What an import gives: the module's text, or the diagnostics that stop it (then there is no text). */
export interface ImportResult {
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Imports state machine definitions into one TypeScript module: a `workflow(...)` for each, written
 * as builder calls that build back to the very same definition (checked before anything is given).
 */
export async function importDefinitions(found: readonly FoundDefinition[]): Promise<ImportResult> {
  const result = importModule(
    found.map((f) => ({ name: f.name, definition: f.definition, origin: f.origin, ...(f.references ? { references: f.references } : {}) })),
  );
  if (result.text !== undefined) return { text: await formatted(result.text), diagnostics: [] };
  const diagnostics = result.findings.map((finding) => {
    const source = found.find((f) => f.origin === finding.origin && f.name === finding.workflow);
    const at =
      finding.path !== undefined
        ? { path: pathSegments(finding.path) }
        : finding.state !== undefined
          ? { state: finding.state }
          : undefined;
    const span = at && source?.locate(at);
    const code = finding.kind === "notAsl" ? importCodes.notAsl : importCodes.notWritable;
    const what = found.length > 1 ? `Workflow "${finding.workflow}": ` : "";
    return diagnostic(
      code,
      `${what}${finding.message.replace(/\.?$/, ".")}`,
      span ?? { file: finding.origin, line: 1, column: 1 },
      finding.state ? [finding.state] : [],
    );
  });
  return { diagnostics };
}
