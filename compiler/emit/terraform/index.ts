export { emitTerraform, type DefinitionMode, type TerraformModule, type TerraformOptions, type TerraformWorkflow } from "./module.ts";
export { policyStatements, type Statement } from "./policy.ts";
