import { mapStrings } from "../../../src/ir/json.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { type AslWithTargets, fillTargets, formatAsl } from "../asl/index.js";
import type { ModuleContext } from "./context.js";
import { escapeString, type HclValue, JsonEncode, Raw, type References } from "./hcl.js";
import { hclInline } from "./inline.js";

/** How a state machine's definition is written: inline (`jsonencode`), or read from `<name>.asl.json` (`templatefile`). */
export type DefinitionMode = "jsonencode" | "templatefile";

/** A workflow's definition for Terraform: the ASL with each ARN Terraform fills in as a reference, and the template file it reads, if any. */
export interface TerraformDefinition {
  readonly value: HclValue;
  /** What the definition evaluates to, each reference written `${expression}`. */
  readonly evaluated: Record<string, unknown>;
  /** `<name>.asl.json`, the template, in `templatefile` mode. */
  readonly template?: string;
}

export async function definitionOf(
  context: ModuleContext,
  ir: WorkflowNode,
  emitted: AslWithTargets,
  mode: DefinitionMode = "jsonencode",
): Promise<TerraformDefinition> {
  const { refs } = context;
  // Each target a reference (a Lambda or state machine by name is looked up by a data source).
  const asl = fillTargets(emitted, (target) => context.targetToken(target)!);
  const evaluated = placeholders(asl, refs);
  if (mode !== "templatefile") return { value: new JsonEncode(asl as HclValue), evaluated };
  // The ASL file beside the .tf is the template: its own `${`/`%{` escaped, each reference a variable.
  const variables = new Map<string, string>();
  const template = escapeTemplate(await formatAsl(asl)).replace(/\uE000\d+\uE001/g, (token) => {
    const [part] = refs.parts(token);
    const expression = part && "expression" in part ? part.expression : token;
    if (!variables.has(expression)) variables.set(expression, `ref_${variables.size}`);
    return `\${${variables.get(expression)}}`;
  });
  const vars = Object.fromEntries([...variables].map(([expression, name]) => [name, new Raw(expression)]));
  return { value: new Raw(`templatefile("\${path.module}/${escapeString(ir.name)}.asl.json", ${hclInline(vars)})`), evaluated, template };
}

/** The text of a templatefile template: `${` and `%{` that are not ours are escaped. */
function escapeTemplate(text: string): string {
  return text.replaceAll("${", () => "$${").replaceAll("%{", "%%{");
}

/** The ASL with each reference token written `${expression}`, as hcleval (and Terraform's plan) shows it. */
function placeholders(value: unknown, refs: References): Record<string, unknown> {
  const written = (text: string) =>
    refs
      .parts(text)
      .map((p) => ("literal" in p ? p.literal : `\${${p.expression}}`))
      .join("");
  return mapStrings(value, written) as Record<string, unknown>;
}
