import { defineIntegration, type IamStatement, isSync, literalField, managedRule, passRole } from "./descriptor.js";
import { type Integration, requestIntegration, withPattern } from "./integration.js";

export const emrServerlessStartJobRun = defineIntegration({
  helper: "emrServerless.startJobRun",
  service: "emr-serverless",
  action: "startJobRun",
  patterns: ["requestResponse", "sync"],
  required: ["ApplicationId", "ExecutionRoleArn"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/emr-serverless-iam.html",
  iam: (context) => {
    const { request, partition, region, account, pattern } = context;
    const application = `arn:${partition}:emr-serverless:${region}:${account}:/applications/${literalField(request, "ApplicationId") ?? "*"}`;
    const role = literalField(request, "ExecutionRoleArn");
    const statements: IamStatement[] = [
      { actions: ["emr-serverless:StartJobRun"], resources: [application] },
      passRole(role, "emr-serverless.amazonaws.com", "the job's role is chosen at run time"),
    ];
    if (!isSync(pattern)) return statements;
    return [
      ...statements,
      { actions: ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"], resources: [`${application}/jobruns/*`] },
      managedRule(context, "StepFunctionsGetEventsForEMRServerlessJobRule"),
    ];
  },
  localRun: "mock",
});

/** The StartJobRun request (https://docs.aws.amazon.com/emr-serverless/latest/APIReference/API_StartJobRun.html). */
export interface StartJobRunRequest {
  readonly ApplicationId: string;
  /** The role the job runs as (the state machine's role passes it). */
  readonly ExecutionRoleArn: string;
  readonly ClientToken?: string;
  readonly Name?: string;
  readonly JobDriver?: {
    readonly SparkSubmit?: {
      readonly EntryPoint: string;
      readonly EntryPointArguments?: readonly string[];
      readonly SparkSubmitParameters?: string;
    };
    readonly Hive?: { readonly Query: string; readonly InitQueryFile?: string; readonly Parameters?: string };
  };
  readonly ConfigurationOverrides?: Readonly<Record<string, unknown>>;
  readonly ExecutionTimeoutMinutes?: number;
  readonly Tags?: Readonly<Record<string, string>>;
}

/** A job run as GetJobRun gives it (the result of `.sync()`). */
export interface EmrServerlessJobRun {
  ApplicationId: string;
  JobRunId: string;
  Arn: string;
  State: "SUBMITTED" | "PENDING" | "SCHEDULED" | "RUNNING" | "SUCCESS" | "FAILED" | "CANCELLING" | "CANCELLED";
  StateDetails?: string;
}

export interface StartJobRun extends Integration<
  Partial<StartJobRunRequest>,
  { ApplicationId: string; JobRunId: string; Arn: string },
  unknown
> {
  /** Waits until the job run ends; the result describes it. */
  sync(): Integration<Partial<StartJobRunRequest>, EmrServerlessJobRun, unknown>;
}

/** Amazon EMR Serverless. */
export const emrServerless = {
  /**
   * Starts a job run on an application.
   * @example task("Spark", emrServerless.startJobRun({ ApplicationId: "00fq5n6h21j9rn09", ExecutionRoleArn: "arn:aws:iam::123456789012:role/emr-job", JobDriver: { SparkSubmit: { EntryPoint: "s3://scripts/etl.py" } } }).sync())
   */
  startJobRun(request: Partial<StartJobRunRequest> = {}): StartJobRun {
    const base = requestIntegration<StartJobRunRequest, { ApplicationId: string; JobRunId: string; Arn: string }>(
      emrServerlessStartJobRun,
      request,
    );
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
};
