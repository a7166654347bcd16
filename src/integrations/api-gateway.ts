import { defineIntegration, literalField } from "./descriptor.js";
import { type Integration, requestIntegration, withPattern } from "./integration.js";

export const apiGatewayInvoke = defineIntegration({
  helper: "apiGateway.invoke",
  service: "apigateway",
  action: "invoke",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["ApiEndpoint", "Method"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/api-gateway-iam.html",
  // Only IAM_ROLE signs the call with the state machine's role (execute-api:Invoke on the route);
  // NO_AUTH needs nothing of it, and RESOURCE_POLICY is granted by the API's own policy.
  iam: ({ request, partition, account }) => {
    if (literalField(request, "AuthType") !== "IAM_ROLE") return [];
    const host = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(literalField(request, "ApiEndpoint") ?? "");
    const api = host ? `${host[2]}:${account}:${host[1]}` : `*:${account}:*`;
    const stage = literalField(request, "Stage") ?? "*";
    const method = literalField(request, "Method") ?? "*";
    const path = literalField(request, "Path")?.replace(/^\//, "") ?? "*";
    return [{ actions: ["execute-api:Invoke"], resources: [`arn:${partition}:execute-api:${api}/${stage}/${method}/${path}`] }];
  },
  localRun: "mock",
});

/** The API Gateway request as Step Functions documents its fields (https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html). */
export interface ApiGatewayRequest {
  /** `<api id>.execute-api.<region>.amazonaws.com`. */
  readonly ApiEndpoint: string;
  readonly Method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  readonly Headers?: Readonly<Record<string, readonly string[]>>;
  /** Optional for an HTTP API's `$default` stage. */
  readonly Stage?: string;
  readonly Path?: string;
  readonly QueryParameters?: Readonly<Record<string, readonly string[]>>;
  readonly RequestBody?: unknown;
  readonly AuthType?: "NO_AUTH" | "IAM_ROLE" | "RESOURCE_POLICY";
}

/** What the call returns: the response's body (JSON or text), headers and status. */
export interface ApiGatewayResult<Body> {
  ResponseBody: Body;
  Headers: Record<string, string[]>;
  StatusCode: number;
  StatusText: string;
}

export interface ApiGatewayInvoke<Body> extends Integration<Partial<ApiGatewayRequest>, ApiGatewayResult<Body>, unknown> {
  /** Waits until something returns the task token (send `$$.Task.Token` in a header). */
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<ApiGatewayRequest>, CallbackOut, unknown>;
}

/** Amazon API Gateway, REST and HTTP APIs. */
export const apiGateway = {
  /**
   * Calls an API Gateway endpoint; `Body` types what it answers.
   * @example task("Bills", apiGateway.invoke<{ myBills: unknown[] }>({ ApiEndpoint: "abc123.execute-api.us-east-1.amazonaws.com", Method: "GET", Stage: "prod", Path: "bills", AuthType: "IAM_ROLE" }))
   */
  invoke<Body = unknown>(request: Partial<ApiGatewayRequest> = {}): ApiGatewayInvoke<Body> {
    const base = requestIntegration<ApiGatewayRequest, ApiGatewayResult<Body>>(apiGatewayInvoke, request);
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
