import { relative } from "node:path";
import { format } from "prettier";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { nearestPackageJson } from "../../base/package-json.js";
import type { TypeChecker } from "../../typeflow/checker.js";
import { formatAsl } from "../asl/format.js";
import { jsonSchema } from "./json-schema.js";
import { typesModule } from "./module.js";
import { typesRequest } from "../../typeflow/types/request.js";

/** A workflow of the build: its IR, its file, and the JSON Schema of its zod input where it has one. */
export interface BuiltWorkflow {
  readonly name: string;
  readonly file: string;
  readonly ir: WorkflowNode;
  readonly inputSchema?: Readonly<Record<string, unknown>>;
}

/**
 * Each workflow's types for the code around it: `<name>.ts`, `<name>.input.schema.json` (from the
 * workflow's zod schema where it has one) and `<name>.output.schema.json`, by file name.
 */
export async function typeFiles(checker: TypeChecker, workflows: readonly BuiltWorkflow[], root: string): Promise<Record<string, string>> {
  const requests = workflows.flatMap((w) => typesRequest(w.ir, w.file) ?? []);
  // Prettier's TypeScript printer loads while the checker answers (at 10 steps the load took longer than the answers).
  const [found, plugins] = await Promise.all([
    checker.workflowTypes(requests),
    Promise.all([import("prettier/plugins/typescript"), import("prettier/plugins/estree")]),
  ]);
  const sdk = dependsOn(root, "@aws-sdk/client-sfn");
  const files: Record<string, string> = {};
  for (const types of found) {
    const workflow = workflows.find((w) => w.name === types.workflow)!;
    const declarations = new Map(types.declarations);
    const source = relative(root, types.file).split("\\").join("/");
    files[`${types.workflow}.ts`] = await format(typesModule(types, { sdk, source }), { parser: "typescript", printWidth: 120, plugins });
    const input = workflow.inputSchema ?? jsonSchema(types.input, declarations, `${types.workflow} input`);
    files[`${types.workflow}.input.schema.json`] = await formatAsl(input);
    files[`${types.workflow}.output.schema.json`] = await formatAsl(jsonSchema(types.output, declarations, `${types.workflow} output`));
  }
  return files;
}

/** Whether the project's package.json (the nearest above `root`) depends on a package. */
function dependsOn(root: string, name: string): boolean {
  const pkg = nearestPackageJson(root) as Record<string, Record<string, string> | undefined> | undefined;
  return [pkg?.dependencies, pkg?.devDependencies, pkg?.peerDependencies].some((deps) => deps?.[name] !== undefined);
}
