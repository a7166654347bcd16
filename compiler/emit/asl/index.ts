export { type AslEmitOptions, type AslObject, UnresolvedTargetError } from "./context.js";
export { formatAsl } from "./format.js";
export { emitAsl } from "./workflow.js";
export { resourceArn, targetArn } from "./resource.js";
export { type AslWithTargets, emitAslWithTargets, fillTargets } from "./targets.js";
