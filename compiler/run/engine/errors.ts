/**
 * An error as Step Functions names it (`States.Runtime`, `States.TaskFailed`, a Task's own error
 * name): what Retry and Catch match, and what a failed execution reports.
 */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = error;
  }
}

/** The error and cause a failing mock, a thrown Error or a thrown value stand for (AWS's Lambda error shape: `errorType`). */
export function statesErrorOf(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error) {
    const named = thrown as Error & { error?: unknown; cause?: unknown };
    const error = typeof named.error === "string" ? named.error : thrown.name && thrown.name !== "Error" ? thrown.name : "Error";
    const cause = typeof named.cause === "string" ? named.cause : thrown.message;
    return new StatesError(error, cause);
  }
  return new StatesError("Error", typeof thrown === "string" ? thrown : (JSON.stringify(thrown) ?? String(thrown)));
}

/** Errors no wildcard matches: the execution fails (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). */
const terminal = new Set(["States.Runtime", "States.DataLimitExceeded"]);

/**
 * Whether a Retrier's or Catcher's ErrorEquals matches an error: by name; `States.ALL` any error but
 * the terminal ones; `States.TaskFailed` any but those and States.Timeout (the page above).
 */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  return errorEquals.some((name) => {
    if (name === error) return true;
    if (name === "States.ALL") return !terminal.has(error);
    if (name === "States.TaskFailed") return !terminal.has(error) && error !== "States.Timeout";
    return false;
  });
}

/** A path that selects nothing where a value is needed (AWS: States.Runtime). */
export const invalidPath = (path: string, where: string) =>
  new StatesError(
    "States.Runtime",
    `An error occurred while executing the state '${where}'. Invalid path '${path}': the path does not point to a value in the input.`,
  );
