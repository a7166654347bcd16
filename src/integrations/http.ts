import { defineIntegration, type IamStatement, jsonObject, literalField, onResource } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

/** `arn:aws:events:us-east-1:123456789012:connection/stripe/81210c42-...` → its name (`stripe`) and where its ARN's prefix ends. */
function connectionParts(arn: string): { prefix: string; name: string } | undefined {
  const match = /^arn:([^:]+):events:([^:]+):([^:]+):connection\/([^/]+)\/[^/]+$/.exec(arn);
  return match ? { prefix: `arn:${match[1]}:secretsmanager:${match[2]}:${match[3]}`, name: match[4]! } : undefined;
}

export const httpInvoke = defineIntegration({
  helper: "http.invoke",
  service: "http",
  action: "invoke",
  patterns: ["requestResponse"],
  // The connection is named under Authentication, or (for private APIs as well) under InvocationConfig.
  required: ["ApiEndpoint", "Method", ["Authentication", "InvocationConfig"]],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html#connect-http-task-permissions",
  // The role may call the endpoint (by method and URL, where they are written out), read the
  // EventBridge connection's credentials, and the secret EventBridge keeps them in.
  iam: ({ request, ownArn }) => {
    const endpoint = literalField(request, "ApiEndpoint");
    const method = literalField(request, "Method");
    const connection =
      literalField(jsonObject(jsonObject(request)?.Authentication), "ConnectionArn") ??
      literalField(jsonObject(jsonObject(request)?.InvocationConfig), "ConnectionArn");
    const parts = connection ? connectionParts(connection) : undefined;
    const conditions = {
      ...(method ? { StringEquals: { "states:HTTPMethod": method } } : {}),
      ...(endpoint ? { StringLike: { "states:HTTPEndpoint": `${endpoint}*` } } : {}),
    };
    const invoke: IamStatement = {
      actions: ["states:InvokeHTTPEndpoint"],
      resources: [ownArn ?? "*"],
      ...(Object.keys(conditions).length > 0 ? { condition: conditions } : {}),
    };
    return [
      invoke,
      onResource(connection, "the connection is chosen at run time", "events:RetrieveConnectionCredentials"),
      onResource(
        parts && `${parts.prefix}:secret:events!connection/${parts.name}/*`,
        "the connection is chosen at run time",
        "secretsmanager:GetSecretValue",
        "secretsmanager:DescribeSecret",
      ),
    ];
  },
  localRun: "mock",
});

/** The HTTP Task's request, as Step Functions documents its fields (https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html). */
export interface HttpRequest {
  readonly ApiEndpoint: string;
  readonly Method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "OPTIONS" | "HEAD";
  /** The EventBridge connection that holds the API's credentials (this, or InvocationConfig). */
  readonly Authentication?: { readonly ConnectionArn: string };
  /** The EventBridge connection, also for a private API (this, or Authentication). */
  readonly InvocationConfig?: { readonly ConnectionArn: string };
  readonly Headers?: Readonly<Record<string, string>>;
  readonly QueryParameters?: Readonly<Record<string, string>>;
  readonly RequestBody?: unknown;
  readonly Transform?: {
    readonly RequestBodyEncoding?: "NONE" | "URL_ENCODED";
    readonly RequestEncodingOptions?: { readonly ArrayFormat?: "BRACKETS" | "COMMAS" | "REPEAT" | "INDICES" };
  };
}

/** What the HTTP Task returns: the response's status, headers and body (parsed where it is JSON). */
export interface HttpResult<Body> {
  StatusCode: number;
  StatusText: string;
  Headers: Record<string, string>;
  ResponseBody: Body;
}

/** HTTPS APIs, through an EventBridge connection (the HTTP Task). */
export const http = {
  /**
   * Calls an HTTPS API; `Body` types what it answers.
   * @example task("Customers", http.invoke<{ data: unknown[] }>({ ApiEndpoint: "https://api.stripe.com/v1/customers", Method: "GET", Authentication: { ConnectionArn: "arn:aws:events:us-east-1:123456789012:connection/stripe/81210c42-8af1-456b-9c4a-6ff02fc664ac" } }))
   */
  invoke: <Body = unknown>(request: Partial<HttpRequest> = {}): Integration<Partial<HttpRequest>, HttpResult<Body>, unknown> =>
    requestIntegration<HttpRequest, HttpResult<Body>>(httpInvoke, request),
};
