import type { IntegrationPattern, ResourceNode, TargetRef } from "../ir/resource.js";
import { type IntegrationDescriptor, resourceOf } from "./descriptor.js";

export const integrationTypes: unique symbol = Symbol.for("stepwright.integration");

/**
 * What a Task runs, typed by the request the user builds (`Req`), the result it gives (`Res`)
 * and the state input it takes when the user builds no request (`DefaultIn`).
 */
export interface Integration<Req, Res, DefaultIn = Req> {
  /** Type-only: never set at runtime. */
  readonly [integrationTypes]: { readonly req: Req; readonly res: Res; readonly defaultIn: DefaultIn };
  readonly spec: IntegrationSpec;
}

/** The runtime description of an integration, read when the workflow is assembled. */
export interface IntegrationSpec {
  readonly resource: ResourceNode;
  /** The request field the user's payload goes into (`Payload`, `MessageBody`, ...); absent: the payload is the request. */
  readonly wrap?: string;
  /** Request fields the integration always sends (`TableName`, `JobName`, ...). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Zod schemas of the request and result, when the user gave them (for checks and JSON Schema). */
  readonly schemas?: { readonly input?: unknown; readonly output?: unknown };
  /** Which patterns AWS supports for this integration. */
  readonly patterns: readonly IntegrationPattern[];
  /** Result fields the call assumes are there, though AWS may leave them out (its descriptor's `resultMayLack`). */
  readonly assumed?: readonly string[];
}

export function integration<Req, Res, DefaultIn = Req>(spec: IntegrationSpec): Integration<Req, Res, DefaultIn> {
  return Object.freeze({ spec }) as Integration<Req, Res, DefaultIn>;
}

/** The same integration with another pattern, if AWS supports it there. */
export function withPattern<Req, Res, DefaultIn>(
  base: Integration<unknown, unknown, unknown>,
  pattern: IntegrationPattern,
): Integration<Req, Res, DefaultIn> {
  const { resource } = base.spec;
  if (resource.kind !== "integration" || !base.spec.patterns.includes(pattern)) {
    const what = resource.kind === "integration" ? `${resource.service}:${resource.action}` : "this resource";
    throw new TypeError(`${what} does not support the ${pattern} pattern`);
  }
  return integration({ ...base.spec, resource: { ...resource, pattern } });
}

/** A resource the user named: a name, a full ARN, or a Terraform reference (`tf("aws_lambda_function.x.arn")`). */
export type ResourceName = string | TerraformRef;

export interface TerraformRef {
  readonly terraform: string;
}

/**
 * A Terraform expression standing for an ARN, kept as a reference in the generated HCL.
 * @example task("Ship", lambda<Order, Shipment>(tf("aws_lambda_function.ship.arn")))
 */
export function tf(expression: string): TerraformRef {
  return Object.freeze({ terraform: expression });
}

export function targetOf(name: ResourceName, service: "lambda" | "states"): TargetRef {
  if (typeof name !== "string") return { kind: "terraform", expression: name.terraform };
  if (name.startsWith("arn:")) return { kind: "arn", arn: name };
  const [base, qualifier] = name.split(":");
  return qualifier ? { kind: "name", service, name: base!, qualifier } : { kind: "name", service, name: base! };
}

/**
 * The fields of a result type, as a list (for `stepwright import`: a definition that reads other
 * fields of the result keeps its Resource as written). The list must name every field of `T`.
 */
export function resultFields<T>(): <const L extends readonly (keyof T & string)[]>(
  list: L & ([Exclude<keyof T, L[number]>] extends [never] ? unknown : never),
) => L {
  return (list) => list;
}

/** An integration whose request is AWS's: the fields given, and what `.parameters`/`.arguments` builds, typed by `Req`. */
export function requestIntegration<Req, Res>(
  descriptor: IntegrationDescriptor,
  request: Partial<Req>,
): Integration<Partial<Req>, Res, unknown> {
  return integration({ resource: resourceOf(descriptor), fixed: { ...request }, patterns: descriptor.patterns });
}

/**
 * An integration given AWS's own request (an object: its fields, with what `.parameters` builds,
 * typed by the request) or the shorthand (a string for `field`, the step's input wrapped in `wrap`).
 */
export function requestOrShorthand<Req, Res>(
  descriptor: IntegrationDescriptor,
  first: string | Partial<Req> | undefined,
  shorthand: { readonly field: string; readonly wrap: string; readonly options: object },
): Integration<unknown, Res, unknown> {
  const resource = resourceOf(descriptor);
  // Not an object: the shorthand's string, or a value missing at build time (an unset environment
  // variable), which the rules then report as the field AWS requires.
  return typeof first === "object" && first !== null
    ? (requestIntegration<Req, Res>(descriptor, first) as Integration<unknown, Res, unknown>)
    : integration({
        resource,
        wrap: shorthand.wrap,
        fixed: { [shorthand.field]: first, ...shorthand.options },
        patterns: descriptor.patterns,
      });
}
