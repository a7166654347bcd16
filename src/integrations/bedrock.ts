import { arnOf, defineIntegration, literalField, onResource } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

export const bedrockInvokeModel = defineIntegration({
  helper: "bedrock.invokeModel",
  service: "bedrock",
  action: "invokeModel",
  patterns: ["requestResponse"],
  required: ["ModelId"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/bedrock-iam.html",
  iam: ({ request, partition, region }) => {
    // A foundation model by id is `foundation-model/<id>` (no account in its ARN); an ARN (a provisioned or custom model) as given.
    const arn = arnOf(literalField(request, "ModelId"), (model) => `arn:${partition}:bedrock:${region}::foundation-model/${model}`);
    return [onResource(arn, "the model is chosen at run time", "bedrock:InvokeModel")];
  },
  localRun: "mock",
});

/**
 * The InvokeModel request as Step Functions' optimized integration takes it
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html): the model's own
 * request in `Body` (up to 256 KiB), or read from S3 with `Input` and written there with `Output`.
 */
export interface InvokeModelRequest<Body = unknown> {
  /** A foundation model's id (`amazon.titan-text-express-v1`) or a model's ARN. */
  readonly ModelId: string;
  readonly Body?: Body;
  readonly ContentType?: string;
  readonly Accept?: string;
  readonly Input?: { readonly S3Uri: string };
  readonly Output?: { readonly S3Uri: string };
  readonly GuardrailIdentifier?: string;
  readonly GuardrailVersion?: string;
  readonly Trace?: "ENABLED" | "DISABLED";
}

/** What InvokeModel returns: the model's response in `Body` (parsed JSON), as the model shapes it. */
export interface InvokeModelResult<Response> {
  Body: Response;
  ContentType?: string;
}

/** Amazon Bedrock. */
export const bedrock = {
  /**
   * Runs inference on a model; `Response` types what the model returns in `Body`.
   * @example task("Summarize", bedrock.invokeModel<{ results: { outputText: string }[] }>({ ModelId: "amazon.titan-text-express-v1" })).parameters<Order>(($) => ({ Body: { inputText: $.orderId } }))
   */
  invokeModel: <Response = unknown>(
    request: Partial<InvokeModelRequest> = {},
  ): Integration<Partial<InvokeModelRequest>, InvokeModelResult<Response>, unknown> =>
    requestIntegration<InvokeModelRequest, InvokeModelResult<Response>>(bedrockInvokeModel, request),
};
