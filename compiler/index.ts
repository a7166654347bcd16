export { compile, type CompileOptions, type CompileResult, type CompiledWorkflow } from "./compile.ts";
export type { Diagnostic } from "./diagnostic.ts";
export { emitAsl, formatAsl, type AslEmitOptions } from "./emit/asl/index.ts";
export { readAsl, AslReadError } from "./read/asl.ts";
