/** One entry of a state's `Retry` list. */
export interface RetrierNode {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: "FULL" | "NONE";
  readonly comment?: string;
}
