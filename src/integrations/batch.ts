import { integration, type Integration, withPattern } from "./integration.js";

export interface SubmitJobRequest {
  readonly JobName: string;
  readonly JobQueue: string;
  readonly JobDefinition: string;
  readonly Parameters?: Readonly<Record<string, string>>;
  readonly ContainerOverrides?: Readonly<Record<string, unknown>>;
  readonly ArrayProperties?: { readonly Size: number };
  readonly RetryStrategy?: { readonly Attempts: number };
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
}

/** AWS Batch. */
export const batch = {
  /** Submits a job. @example task("Render", batch.submitJob({ JobName: "render", JobQueue: "q", JobDefinition: "render:1" }).sync()) */
  submitJob(request: SubmitJobRequest): SubmitJob {
    const base = integration<Partial<SubmitJobRequest>, { JobId: string; JobName: string; JobArn?: string }, unknown>({
      resource: { kind: "integration", service: "batch", action: "submitJob", pattern: "requestResponse", sdk: false },
      fixed: request as unknown as Record<string, unknown>,
      patterns: ["requestResponse", "sync"],
    });
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
};
