/**
 * What a mock throws to fail its Task with an error name and cause, as a Lambda function or a
 * service fails it (`throw new StepError("Payments.Declined", "card expired")`): Retry and Catch
 * match the name.
 */
export class StepError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string = "",
  ) {
    super(cause === "" ? error : `${error}: ${cause}`);
    this.name = error;
  }
}
