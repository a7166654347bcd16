import { anyResource, defineIntegration, type IamContext, type IamStatement, isSync, literalField } from "./descriptor.js";
import { type Integration, requestIntegration, withPattern } from "./integration.js";

const athenaDocs = "https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html";

/** The workgroup a query runs in (`primary` where the request names none) and the data catalogs it may read. */
function queryScope({ request, partition, region, account }: IamContext): string[] {
  const workGroup = literalField(request, "WorkGroup") ?? "primary";
  return [
    `arn:${partition}:athena:${region}:${account}:workgroup/${workGroup}`,
    `arn:${partition}:athena:${region}:${account}:datacatalog/*`,
  ];
}

/**
 * What running a query needs besides Athena's own actions, as AWS's page lists it: the query's
 * data and results in S3 (any bucket: tables live where their data is), the Glue Data Catalog, and
 * Lake Formation's data access.
 */
function queryData({ partition, region, account }: IamContext): IamStatement[] {
  return [
    {
      actions: [
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads",
        "s3:ListMultipartUploadParts",
        "s3:AbortMultipartUpload",
        "s3:CreateBucket",
        "s3:PutObject",
      ],
      resources: [`arn:${partition}:s3:::*`],
    },
    {
      actions: [
        "glue:CreateDatabase",
        "glue:GetDatabase",
        "glue:GetDatabases",
        "glue:UpdateDatabase",
        "glue:DeleteDatabase",
        "glue:CreateTable",
        "glue:UpdateTable",
        "glue:GetTable",
        "glue:GetTables",
        "glue:DeleteTable",
        "glue:BatchDeleteTable",
        "glue:BatchCreatePartition",
        "glue:CreatePartition",
        "glue:UpdatePartition",
        "glue:GetPartition",
        "glue:GetPartitions",
        "glue:BatchGetPartition",
        "glue:DeletePartition",
        "glue:BatchDeletePartition",
      ],
      resources: [
        `arn:${partition}:glue:${region}:${account}:catalog`,
        `arn:${partition}:glue:${region}:${account}:database/*`,
        `arn:${partition}:glue:${region}:${account}:table/*`,
      ],
    },
    anyResource("AWS documents Lake Formation's data access with no narrower resource", "lakeformation:GetDataAccess"),
  ];
}

export const athenaStartQueryExecution = defineIntegration({
  helper: "athena.startQueryExecution",
  service: "athena",
  action: "startQueryExecution",
  patterns: ["requestResponse", "sync"],
  required: ["QueryString"],
  iamDocs: athenaDocs,
  iam: (context) => [
    {
      actions: isSync(context.pattern)
        ? ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetDataCatalog"]
        : ["athena:StartQueryExecution", "athena:GetDataCatalog"],
      resources: queryScope(context),
    },
    ...queryData(context),
  ],
  localRun: "mock",
});

export const athenaGetQueryResults = defineIntegration({
  helper: "athena.getQueryResults",
  service: "athena",
  action: "getQueryResults",
  patterns: ["requestResponse"],
  required: ["QueryExecutionId"],
  iamDocs: athenaDocs,
  // A query's results are read from where its workgroup wrote them: the query names neither here.
  iam: ({ partition, region, account }) => [
    { actions: ["athena:GetQueryResults"], resources: [`arn:${partition}:athena:${region}:${account}:workgroup/*`] },
    { actions: ["s3:GetObject"], resources: [`arn:${partition}:s3:::*`] },
  ],
  localRun: "mock",
});

/** The StartQueryExecution request (https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html). */
export interface StartQueryExecutionRequest {
  readonly QueryString: string;
  readonly QueryExecutionContext?: { readonly Database?: string; readonly Catalog?: string };
  readonly ResultConfiguration?: {
    readonly OutputLocation?: string;
    readonly EncryptionConfiguration?: { readonly EncryptionOption: "SSE_S3" | "SSE_KMS" | "CSE_KMS"; readonly KmsKey?: string };
    readonly ExpectedBucketOwner?: string;
    readonly AclConfiguration?: { readonly S3AclOption: "BUCKET_OWNER_FULL_CONTROL" };
  };
  readonly WorkGroup?: string;
  readonly ClientRequestToken?: string;
  readonly ExecutionParameters?: readonly string[];
  readonly ResultReuseConfiguration?: {
    readonly ResultReuseByAgeConfiguration?: { readonly Enabled: boolean; readonly MaxAgeInMinutes?: number };
  };
}

/** A query execution as GetQueryExecution gives it (the result of `.sync()`). */
export interface QueryExecution {
  QueryExecution: {
    QueryExecutionId: string;
    Query: string;
    Status: { State: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED"; StateChangeReason?: string };
    ResultConfiguration?: { OutputLocation?: string };
    Statistics?: { DataScannedInBytes?: number; EngineExecutionTimeInMillis?: number; TotalExecutionTimeInMillis?: number };
    WorkGroup?: string;
  };
}

/** The GetQueryResults request (https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html). */
export interface GetQueryResultsRequest {
  readonly QueryExecutionId: string;
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export interface GetQueryResultsResult {
  ResultSet: {
    Rows: { Data: { VarCharValue?: string }[] }[];
    ResultSetMetadata?: { ColumnInfo: { Name: string; Type: string }[] };
  };
  NextToken?: string;
  UpdateCount?: number;
}

export interface StartQuery extends Integration<Partial<StartQueryExecutionRequest>, { QueryExecutionId: string }, unknown> {
  /** Waits until the query ends; the result describes its execution. */
  sync(): Integration<Partial<StartQueryExecutionRequest>, QueryExecution, unknown>;
}

/** Amazon Athena. */
export const athena = {
  /**
   * Starts a query.
   * @example task("Count", athena.startQueryExecution({ QueryString: "SELECT count(*) FROM orders", WorkGroup: "reports" }).sync())
   */
  startQueryExecution(request: Partial<StartQueryExecutionRequest> = {}): StartQuery {
    const base = requestIntegration<StartQueryExecutionRequest, { QueryExecutionId: string }>(athenaStartQueryExecution, request);
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
  /**
   * Reads a query's results.
   * @example task("Rows", athena.getQueryResults({ QueryExecutionId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", MaxResults: 100 }))
   */
  getQueryResults: (
    request: Partial<GetQueryResultsRequest> = {},
  ): Integration<Partial<GetQueryResultsRequest>, GetQueryResultsResult, unknown> =>
    requestIntegration<GetQueryResultsRequest, GetQueryResultsResult>(athenaGetQueryResults, request),
};
