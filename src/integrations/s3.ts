import { defineIntegration, iamActionOf, type IamContext, literalField, onResource, s3ObjectArn } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

// S3 through the AWS SDK integration (`arn:aws:states:::aws-sdk:s3:<action>`): Step Functions has no
// optimized S3 integration. Each action's permission is its own IAM action on the object
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
const s3Actions = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html";

/** The object a request names, where its bucket is written out (any key under it where the key is not). */
const objectOf = ({ request, partition }: IamContext) =>
  s3ObjectArn(partition, literalField(request, "Bucket"), literalField(request, "Key"));

/** An action on one object: its IAM action (`s3:GetObject` for getObject) on the object the request names. */
function objectAction<const Action extends "getObject" | "putObject">(action: Action) {
  const iamAction = iamActionOf("s3", action);
  return defineIntegration({
    helper: `s3.${action}`,
    sdk: true,
    service: "s3",
    action,
    patterns: ["requestResponse"],
    required: ["Bucket", "Key"],
    iamDocs: s3Actions,
    iam: (context) => [onResource(objectOf(context), "the bucket is chosen at run time", iamAction)],
    localRun: "mock",
  });
}

export const s3GetObject = objectAction("getObject");
export const s3PutObject = objectAction("putObject");

export const s3CopyObject = defineIntegration({
  helper: "s3.copyObject",
  sdk: true,
  service: "s3",
  action: "copyObject",
  patterns: ["requestResponse"],
  required: ["Bucket", "Key", "CopySource"],
  iamDocs: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html",
  // CopyObject reads the source (s3:GetObject) and writes the destination (s3:PutObject).
  iam: (context) => {
    const target = objectOf(context);
    const source = literalField(context.request, "CopySource")?.replace(/^\//, "").split("?")[0];
    return [
      onResource(source && `arn:${context.partition}:s3:::${source}`, "the source is chosen at run time", "s3:GetObject"),
      onResource(target, "the bucket is chosen at run time", "s3:PutObject"),
    ];
  },
  localRun: "mock",
});

/** The GetObject request, in the S3 API's own field names (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html). */
export interface GetObjectRequest {
  readonly Bucket: string;
  readonly Key: string;
  readonly VersionId?: string;
  readonly Range?: string;
  readonly IfMatch?: string;
  readonly IfNoneMatch?: string;
  readonly PartNumber?: number;
  readonly ExpectedBucketOwner?: string;
}

/** What GetObject returns through Step Functions: the body as text, and the object's metadata. */
export interface GetObjectResult {
  Body: string;
  ContentType?: string;
  ContentLength?: number;
  ETag?: string;
  LastModified?: string;
  VersionId?: string;
  Metadata?: Record<string, string>;
}

/** The PutObject request, in the S3 API's own field names (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html). */
export interface PutObjectRequest {
  readonly Bucket: string;
  readonly Key: string;
  /** The object's content: text, or JSON Step Functions writes as its text. */
  readonly Body?: string | Readonly<Record<string, unknown>> | readonly unknown[];
  readonly ContentType?: string;
  readonly CacheControl?: string;
  readonly Metadata?: Readonly<Record<string, string>>;
  readonly ServerSideEncryption?: "AES256" | "aws:kms" | "aws:kms:dsse";
  readonly SSEKMSKeyId?: string;
  readonly StorageClass?: string;
  readonly Tagging?: string;
  readonly ExpectedBucketOwner?: string;
}

export interface PutObjectResult {
  ETag?: string;
  VersionId?: string;
}

/** The CopyObject request, in the S3 API's own field names (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html). */
export interface CopyObjectRequest {
  readonly Bucket: string;
  readonly Key: string;
  /** `source-bucket/source-key` (URL-encoded), `?versionId=` for a version. */
  readonly CopySource: string;
  readonly MetadataDirective?: "COPY" | "REPLACE";
  readonly Metadata?: Readonly<Record<string, string>>;
  readonly ContentType?: string;
  readonly StorageClass?: string;
  readonly ServerSideEncryption?: "AES256" | "aws:kms" | "aws:kms:dsse";
  readonly TaggingDirective?: "COPY" | "REPLACE";
  readonly Tagging?: string;
  readonly ExpectedBucketOwner?: string;
}

export interface CopyObjectResult {
  CopyObjectResult?: { ETag?: string; LastModified?: string };
  VersionId?: string;
}

/** Amazon S3, through the AWS SDK integration. */
export const s3 = {
  /**
   * Reads an object; its body arrives as text.
   * @example task("Load", s3.getObject({ Bucket: "reports", Key: "today.json" }))
   */
  getObject: (request: Partial<GetObjectRequest> = {}): Integration<Partial<GetObjectRequest>, GetObjectResult, unknown> =>
    requestIntegration<GetObjectRequest, GetObjectResult>(s3GetObject, request),
  /**
   * Writes an object.
   * @example task("Store", s3.putObject({ Bucket: "reports", Key: "today.json" })).parameters<Order>(($) => ({ Body: { order: $.orderId } }))
   */
  putObject: (request: Partial<PutObjectRequest> = {}): Integration<Partial<PutObjectRequest>, PutObjectResult, unknown> =>
    requestIntegration<PutObjectRequest, PutObjectResult>(s3PutObject, request),
  /**
   * Copies an object.
   * @example task("Archive", s3.copyObject({ Bucket: "archive", Key: "2026/today.json", CopySource: "reports/today.json" }))
   */
  copyObject: (request: Partial<CopyObjectRequest> = {}): Integration<Partial<CopyObjectRequest>, CopyObjectResult, unknown> =>
    requestIntegration<CopyObjectRequest, CopyObjectResult>(s3CopyObject, request),
};
