import { arnOf, defineIntegration, literalField, onResource } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

export const secretsManagerGetSecretValue = defineIntegration({
  helper: "secretsManager.getSecretValue",
  sdk: true,
  service: "secretsmanager",
  action: "getSecretValue",
  patterns: ["requestResponse"],
  required: ["SecretId"],
  iamDocs: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html",
  iam: ({ request, partition, region, account }) => {
    // A secret's ARN ends in its name and six random characters: `-??????` matches them where only the name is given.
    const secret = arnOf(
      literalField(request, "SecretId"),
      (name) => `arn:${partition}:secretsmanager:${region}:${account}:secret:${name}-??????`,
    );
    return [onResource(secret, "the secret is chosen at run time", "secretsmanager:GetSecretValue")];
  },
  localRun: "mock",
});

/** The GetSecretValue request (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). */
export interface GetSecretValueRequest {
  /** The secret's name or ARN. */
  readonly SecretId: string;
  readonly VersionId?: string;
  readonly VersionStage?: string;
}

export interface GetSecretValueResult {
  ARN: string;
  Name: string;
  VersionId: string;
  SecretString?: string;
  SecretBinary?: string;
  VersionStages?: string[];
  CreatedDate?: string;
}

/** AWS Secrets Manager, through the AWS SDK integration. */
export const secretsManager = {
  /**
   * Reads a secret's value (as every task result, it is in the execution's history).
   * @example task("Credentials", secretsManager.getSecretValue({ SecretId: "prod/db" }))
   */
  getSecretValue: (
    request: Partial<GetSecretValueRequest> = {},
  ): Integration<Partial<GetSecretValueRequest>, GetSecretValueResult, unknown> =>
    requestIntegration<GetSecretValueRequest, GetSecretValueResult>(secretsManagerGetSecretValue, request),
};
