export { type AslEmitOptions, type AslObject, UnresolvedTargetError } from "./context.ts";
export { formatAsl } from "./format.ts";
export { emitAsl } from "./workflow.ts";
export { resourceArn, targetArn } from "./resource.ts";
