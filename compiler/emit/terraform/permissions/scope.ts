import type { TargetRef } from "../../../../src/ir/resource.js";
import type { TargetKey } from "../../../../src/ir/workflow.js";

/** Where ARNs are built: literal values, or Terraform reference tokens when not known at build time. */
export interface ArnScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The ARN (or a reference token) of a named or Terraform target. */
  readonly targetArn: (target: TargetRef) => string;
  /** The ARN (or a reference token) of a KMS key. */
  readonly keyArn: (key: TargetKey) => string;
  /** This state machine's own name, as deployed (Distributed Map children run as its executions). */
  readonly ownName: string;
}

/** This state machine's ARN, and the pattern of its executions' ARNs (Distributed Map children among them). */
export const ownMachine = (scope: ArnScope) =>
  `arn:${scope.partition}:states:${scope.region}:${scope.account}:stateMachine:${scope.ownName}`;
export const ownChildExecutions = (scope: ArnScope) =>
  `arn:${scope.partition}:states:${scope.region}:${scope.account}:execution:${scope.ownName}/*`;
