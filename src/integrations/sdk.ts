import { integration, type Integration, withPattern } from "./integration.js";

export interface SdkCall<Req, Res> extends Integration<Req, Res, unknown> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<Req, CallbackOut, unknown>;
}

/**
 * Any AWS SDK call (`arn:aws:states:::aws-sdk:<service>:<action>`). `request` is sent as it is;
 * `.parameters` may add fields. Type the request and response with the generics.
 * @example task("List", sdk<{}, { Contents: { Key: string }[] }>("s3", "listObjectsV2", { Bucket: "reports" }))
 */
export function sdk<Req = Record<string, unknown>, Res = unknown>(
  service: string,
  action: string,
  request: Readonly<Record<string, unknown>> = {},
): SdkCall<Req, Res> {
  if (!/^[a-z0-9-]+$/.test(service)) throw new TypeError(`sdk service "${service}" should be lowercase (e.g. "s3", "dynamodb")`);
  if (!/^[a-z][A-Za-z0-9]*$/.test(action)) throw new TypeError(`sdk action "${action}" should be camelCase (e.g. "listObjectsV2")`);
  const base = integration<Req, Res, unknown>({
    resource: { kind: "integration", service, action, pattern: "requestResponse", sdk: true },
    ...(Object.keys(request).length > 0 ? { fixed: request } : {}),
    patterns: ["requestResponse", "waitForTaskToken"],
  });
  return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
}
