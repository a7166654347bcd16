/**
 * What a Task runs. Builder-made resources keep their meaning (service, action, pattern, target)
 * so the Terraform emitter can scope IAM to the target; resources read from ASL keep the ARN text.
 */
export type ResourceNode = ArnResource | IntegrationResource | FunctionResource;

/** A resource written as a complete ARN (activities, Lambda ARNs, anything read back from ASL). */
export interface ArnResource {
  readonly kind: "arn";
  readonly arn: string;
}

/** How Step Functions waits for a service integration. */
export type IntegrationPattern = "requestResponse" | "sync" | "sync:2" | "waitForTaskToken";

/**
 * An optimized or SDK service integration: `arn:aws:states:::<service>:<action>[.<pattern>]`, or
 * `arn:aws:states:::aws-sdk:<service>:<action>[.<pattern>]` when `sdk` is true.
 * `target` names the one resource the integration acts on when the builder knows it
 * (the Lambda function of lambda:invoke, the child state machine of states:startExecution);
 * the emitter writes it into the request under `targetField`.
 */
export interface IntegrationResource {
  readonly kind: "integration";
  readonly service: string;
  readonly action: string;
  readonly pattern: IntegrationPattern;
  readonly sdk: boolean;
  readonly target?: TargetRef;
  readonly targetField?: string;
}

/** A Lambda function called directly: its ARN is the Resource (`lambda("fn")`). */
export interface FunctionResource {
  readonly kind: "function";
  readonly function: TargetRef;
}

/**
 * A resource the user named. Names resolve to ARNs with the build's region and account;
 * ARNs pass through; Terraform references stay references in HCL.
 */
export type TargetRef =
  | { readonly kind: "name"; readonly service: "lambda" | "states"; readonly name: string; readonly qualifier?: string }
  | { readonly kind: "arn"; readonly arn: string }
  | { readonly kind: "terraform"; readonly expression: string; readonly qualifier?: string };
