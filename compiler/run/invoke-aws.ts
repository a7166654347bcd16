import { StepError } from "./step-error.js";

/**
 * Calls a real Lambda function for `stepwright run --invoke-aws`, as Step Functions does: the
 * optimized integration (`arn:aws:states:::lambda:invoke`) sends the request's Payload to its
 * FunctionName and gives `{ Payload, StatusCode, ... }`; a function's ARN as the Resource sends
 * the whole input and gives the function's own result. A function error is its `errorType`.
 */
export async function invokeLambda(resource: string, input: unknown, region: string): Promise<unknown> {
  const { InvokeCommand, LambdaClient } = await import("@aws-sdk/client-lambda");
  const optimized = /^arn:[^:]+:states:::lambda:invoke/.test(resource);
  const request = (optimized ? input : { FunctionName: resource, Payload: input }) as {
    FunctionName?: string;
    Payload?: unknown;
    Qualifier?: string;
  };
  const client = new LambdaClient({ region: process.env.AWS_REGION ?? region });
  const response = await client.send(
    new InvokeCommand({
      FunctionName: String(request.FunctionName),
      ...(request.Qualifier ? { Qualifier: request.Qualifier } : {}),
      Payload: new TextEncoder().encode(JSON.stringify(request.Payload ?? {})),
    }),
  );
  const text = response.Payload ? new TextDecoder().decode(response.Payload) : "null";
  const payload = JSON.parse(text === "" ? "null" : text) as unknown;
  if (response.FunctionError) {
    const failure = payload as { errorType?: string; errorMessage?: string } | null;
    throw new StepError(failure?.errorType ?? "Lambda.Unknown", failure?.errorMessage ?? text);
  }
  return optimized ? { ExecutedVersion: response.ExecutedVersion, Payload: payload, StatusCode: response.StatusCode } : payload;
}
