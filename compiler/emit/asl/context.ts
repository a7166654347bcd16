import type { TargetRef } from "../../../src/ir/index.js";

/** What the ASL emitter needs beyond the IR: where named resources live. */
export interface AslEmitOptions {
  readonly region?: string;
  readonly account?: string;
  /** AWS partition of generated ARNs; `aws` unless the workflow deploys to China or GovCloud. */
  readonly partition?: string;
  /**
   * Writes named and Terraform targets another way (the Terraform emitter puts references there).
   * When it returns undefined, names resolve with region and account as usual.
   */
  readonly targetRef?: (target: TargetRef) => string | undefined;
}

export type AslObject = Record<string, unknown>;

/** A named resource cannot become an ARN without a region and account; the compiler reports it. */
export class UnresolvedTargetError extends Error {
  constructor(
    readonly target: string,
    readonly missing: readonly string[],
  ) {
    super(`"${target}" is a name, so its ARN needs ${missing.join(" and ")}`);
  }
}
