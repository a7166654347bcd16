import { anyResource, defineIntegration, isSync, managedRule, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

const partialBatchScope = "AWS Batch supports resource-level scope only in part (AWS's own policy uses *)";

export const batchSubmitJob = defineIntegration({
  helper: "batch.submitJob",
  service: "batch",
  action: "submitJob",
  patterns: ["requestResponse", "sync", "waitForTaskToken"],
  required: ["JobName", "JobQueue", "JobDefinition"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html",
  iam: (context) =>
    isSync(context.pattern)
      ? [
          anyResource(partialBatchScope, "batch:SubmitJob", "batch:DescribeJobs", "batch:TerminateJob"),
          managedRule(context, "StepFunctionsGetEventsForBatchJobsRule"),
        ]
      : [anyResource(partialBatchScope, "batch:SubmitJob")],
  localRun: "mock",
});

/** The SubmitJob request, in the Batch API's own field names (every field it takes). */
export interface SubmitJobRequest {
  readonly JobName: string;
  readonly JobQueue: string;
  readonly JobDefinition: string;
  readonly Parameters?: Readonly<Record<string, string>>;
  readonly ContainerOverrides?: Readonly<Record<string, unknown>>;
  readonly NodeOverrides?: Readonly<Record<string, unknown>>;
  readonly EksPropertiesOverride?: Readonly<Record<string, unknown>>;
  readonly EcsPropertiesOverride?: Readonly<Record<string, unknown>>;
  readonly ConsumableResourcePropertiesOverride?: Readonly<Record<string, unknown>>;
  readonly ArrayProperties?: { readonly Size: number };
  readonly DependsOn?: readonly { readonly JobId?: string; readonly Type?: "N_TO_N" | "SEQUENTIAL" }[];
  readonly RetryStrategy?: { readonly Attempts?: number; readonly EvaluateOnExit?: readonly Readonly<Record<string, unknown>>[] };
  readonly Timeout?: { readonly AttemptDurationSeconds?: number };
  readonly PropagateTags?: boolean;
  readonly Tags?: Readonly<Record<string, string>>;
  readonly ShareIdentifier?: string;
  readonly SchedulingPriorityOverride?: number;
}

/** A job as DescribeJobs gives it (the result of `.sync()`). */
export interface BatchJob {
  JobId: string;
  JobName: string;
  JobArn?: string;
  Status: "SUBMITTED" | "PENDING" | "RUNNABLE" | "STARTING" | "RUNNING" | "SUCCEEDED" | "FAILED";
  StatusReason?: string;
}

export interface SubmitJob extends Integration<Partial<SubmitJobRequest>, { JobId: string; JobName: string; JobArn?: string }, unknown> {
  /** Waits until the job ends; the result describes the job. */
  sync(): Integration<Partial<SubmitJobRequest>, BatchJob, unknown>;
  /** Callback pattern: the task waits until something calls SendTaskSuccess with the task token (pass `$$.Task.Token` in the job's Parameters). */
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<SubmitJobRequest>, CallbackOut, unknown>;
}

/** AWS Batch. */
export const batch = {
  /** Submits a job. @example task("Render", batch.submitJob({ JobName: "render", JobQueue: "q", JobDefinition: "render:1" }).sync()) */
  submitJob(request: SubmitJobRequest): SubmitJob {
    const base = integration<Partial<SubmitJobRequest>, { JobId: string; JobName: string; JobArn?: string }, unknown>({
      resource: resourceOf(batchSubmitJob),
      fixed: { ...request },
      patterns: batchSubmitJob.patterns,
    });
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
