/** What happened, as it happens (for --trace and the run's record). */
export interface EngineEvent {
  readonly type:
    | "StateEntered"
    | "StateExited"
    | "StateRetried"
    | "StateCaught"
    | "StateFailed"
    | "VariablesAssigned"
    | "Evaluated"
    | "ExecutionSucceeded"
    | "ExecutionFailed";
  readonly state?: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: unknown;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** An `Evaluated` event's path, intrinsic or JSONata expression (its value is `output`). */
  readonly expression?: string;
}
