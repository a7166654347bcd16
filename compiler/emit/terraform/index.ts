export { emitTerraform, type DefinitionMode, type TerraformModule, type TerraformOptions, type TerraformWorkflow } from "./module.js";
export { policyStatements, type Statement } from "./permissions/index.js";
