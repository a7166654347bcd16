import { arnOf, defineIntegration, literalField, onResource } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

export const ssmGetParameter = defineIntegration({
  helper: "ssm.getParameter",
  sdk: true,
  service: "ssm",
  action: "getParameter",
  patterns: ["requestResponse"],
  required: ["Name"],
  iamDocs: "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html",
  iam: ({ request, partition, region, account }) => {
    // A parameter's ARN is `parameter/<name>`, its leading slash (if any) taken once.
    const parameter = arnOf(
      literalField(request, "Name"),
      (name) => `arn:${partition}:ssm:${region}:${account}:parameter/${name.replace(/^\//, "")}`,
    );
    return [onResource(parameter, "the parameter is chosen at run time", "ssm:GetParameter")];
  },
  localRun: "mock",
});

/** The GetParameter request (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html). */
export interface GetParameterRequest {
  /** The parameter's name (`/prod/db/host`) or ARN; `name:version` or `name:label` for one version. */
  readonly Name: string;
  /** Decrypts a SecureString (its KMS key must let the role decrypt). */
  readonly WithDecryption?: boolean;
}

export interface GetParameterResult {
  Parameter: {
    Name: string;
    Type: "String" | "StringList" | "SecureString";
    Value: string;
    Version: number;
    ARN: string;
    DataType?: string;
    LastModifiedDate?: string;
    Selector?: string;
    SourceResult?: string;
  };
}

/** AWS Systems Manager Parameter Store, through the AWS SDK integration. */
export const ssm = {
  /**
   * Reads a parameter.
   * @example task("Config", ssm.getParameter({ Name: "/prod/db/host" }))
   */
  getParameter: (request: Partial<GetParameterRequest> = {}): Integration<Partial<GetParameterRequest>, GetParameterResult, unknown> =>
    requestIntegration<GetParameterRequest, GetParameterResult>(ssmGetParameter, request),
};
