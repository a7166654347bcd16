import type { ResourceNode, TargetRef } from "../../../src/ir/index.js";
import { type AslEmitOptions, UnresolvedTargetError } from "./context.js";

/** The ARN (or Terraform placeholder) a target stands for in ASL. */
export function targetArn(target: TargetRef, options: AslEmitOptions): string {
  const written = target.kind === "arn" ? undefined : options.targetRef?.(target);
  if (written !== undefined) return written;
  switch (target.kind) {
    case "arn":
      return target.arn;
    case "terraform":
      return "${" + target.expression + "}" + (target.qualifier ? `:${target.qualifier}` : "");
    case "name": {
      const missing = [options.region ? undefined : "a region", options.account ? undefined : "an account"].filter(
        (m): m is string => m !== undefined,
      );
      if (missing.length > 0) throw new UnresolvedTargetError(target.name, missing);
      const partition = options.partition ?? "aws";
      const prefix = `arn:${partition}:${target.service}:${options.region}:${options.account}`;
      const qualifier = target.qualifier ? `:${target.qualifier}` : "";
      return target.service === "lambda"
        ? `${prefix}:function:${target.name}${qualifier}`
        : `${prefix}:stateMachine:${target.name}${qualifier}`;
    }
  }
}

/** The `Resource` string of a Task (or ItemReader/ResultWriter). */
export function resourceArn(resource: ResourceNode, options: AslEmitOptions): string {
  switch (resource.kind) {
    case "arn":
      return resource.arn;
    case "function":
      return targetArn(resource.function, options);
    case "integration": {
      const partition = options.partition ?? "aws";
      const service = resource.sdk ? `aws-sdk:${resource.service}` : resource.service;
      const suffix = resource.pattern === "requestResponse" ? "" : `.${resource.pattern}`;
      return `arn:${partition}:states:::${service}:${resource.action}${suffix}`;
    }
  }
}

/**
 * The request an integration sends: the user's template with the integration's target added
 * under its field (e.g. `FunctionName`), so the user never repeats what the integration knows.
 */
export function withTarget(resource: ResourceNode, template: unknown, options: AslEmitOptions): unknown {
  if (resource.kind !== "integration" || !resource.target || !resource.targetField) return template;
  const base = template && typeof template === "object" && !Array.isArray(template) ? template : {};
  return { [resource.targetField]: targetArn(resource.target, options), ...base };
}
