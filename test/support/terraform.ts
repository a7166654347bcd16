import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { root } from "./compile.ts";

/** HashiCorp's HCL evaluated as Terraform would (../shared/tools/hcleval; `npm test` builds it first). */
export const hclevalBinary = join(root, "../shared/tools/hcleval/hcleval");

export interface Evaluated {
  state_machines: Record<string, { name: string; type: string; definition: Record<string, unknown>; role_arn: string }>;
  resources: string[];
  variables: string[];
  outputs: string[];
}

/** Writes the files into a fresh folder. */
export function writeModule(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "sw-tf-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs hcleval on every .tf file of a folder; fails the test with its message when it rejects them. */
export function hcleval(dir: string): Evaluated {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()
    .map((f) => join(dir, f));
  const result = spawnSync(hclevalBinary, files, { encoding: "utf8" });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error(
      `hcleval is not built (${hclevalBinary}): run \`sh ../shared/tools/hcleval/build.sh --install-deps\` (npm test runs it first)`,
    );
  }
  if (result.status !== 0) throw new Error(`hcleval rejected the module (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout) as Evaluated;
}

/** Each .tf file parsed by @cdktf/hcl2json (HashiCorp's parser, compiled to WebAssembly). */
export async function hcl2json(dir: string): Promise<Record<string, Record<string, unknown>>> {
  const parsed: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()) {
    parsed[file] = (await parse(file, readFileSync(join(dir, file), "utf8"))) as Record<string, unknown>;
  }
  return parsed;
}

/** `resource.aws_iam_role.x`, `data.aws_lambda_function.y`, `variable.tags`, `output.z` for every block of every file. */
export function declaredBlocks(parsed: Record<string, Record<string, unknown>>): string[] {
  const blocks: string[] = [];
  for (const file of Object.values(parsed)) {
    for (const kind of ["resource", "data"]) {
      for (const [type, byName] of Object.entries((file[kind] ?? {}) as Record<string, Record<string, unknown>>)) {
        for (const name of Object.keys(byName)) blocks.push(`${kind}.${type}.${name}`);
      }
    }
    for (const kind of ["variable", "output"]) for (const name of Object.keys((file[kind] ?? {}) as object)) blocks.push(`${kind}.${name}`);
  }
  return blocks;
}

/** Terraform's own verdict on a module folder (../shared/tools/tfcheck: init, validate, a mocked apply, fmt). */
export const tfcheckBinary = join(root, "../shared/tools/tfcheck/tfcheck");

/** Runs tfcheck; returns its last line ("tfcheck: valid"), or throws with what Terraform said. */
export function tfcheck(dir: string): string {
  const result = spawnSync(tfcheckBinary, [dir], { encoding: "utf8", timeout: 180_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
    throw new Error(`tfcheck is missing (${tfcheckBinary}): it comes with ../shared/tools`);
  if (result.status === 2)
    throw new Error(`tfcheck cannot run here (terraform or its AWS provider mirror is missing): ${result.stderr.trim()}`);
  if (result.status !== 0)
    throw new Error(`Terraform rejected the module in ${dir} (tfcheck exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout.trim().split("\n").at(-1)!;
}
