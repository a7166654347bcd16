export { compile, type CompileOptions, type CompileResult, type CompiledWorkflow } from "./compile.ts";
export type { Diagnostic } from "./diagnostic.ts";
export { emitAsl, formatAsl, type AslEmitOptions } from "./emit/asl/index.ts";
export { readAsl, AslReadError } from "./read/asl.ts";
export { emitTerraform, policyStatements, type TerraformModule, type TerraformOptions } from "./emit/terraform/index.ts";
export { diagramFiles, dotOf, mermaidOf, renderSvg } from "./emit/diagram/index.ts";
export { runLocally, type LocalRun } from "./run/local.ts";
