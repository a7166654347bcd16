// First: on a Node older than the package needs, importing it stops here with one clear line.
import "../src/supported-node.js";
export { compile, type CompileOptions, type CompileResult, type CompiledWorkflow } from "./compile.js";
export type { Diagnostic } from "./base/diagnostic.js";
export { emitAsl, formatAsl, type AslEmitOptions } from "./emit/asl/index.js";
export { readAsl, AslReadError } from "./read/asl.js";
export { emitTerraform, policyStatements, type TerraformModule, type TerraformOptions } from "./emit/terraform/index.js";
export { diagramFiles, dotOf, mermaidOf, renderSvg } from "./emit/diagram/index.js";
export { runLocally, type LocalRun } from "./run/local.js";
