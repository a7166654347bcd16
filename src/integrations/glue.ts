import { anyResource, defineIntegration, isSync, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

const noGlueScope = "AWS documents no resource-level scope for the Glue integration";

export const glueStartJobRun = defineIntegration({
  helper: "glue.startJobRun",
  service: "glue",
  action: "startJobRun",
  patterns: ["requestResponse", "sync"],
  required: ["JobName"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html",
  iam: ({ pattern }) => [
    isSync(pattern)
      ? anyResource(noGlueScope, "glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun")
      : anyResource(noGlueScope, "glue:StartJobRun"),
  ],
  localRun: "mock",
});

/** The StartJobRun request besides JobName, in the Glue API's own field names (every field it takes). */
export interface StartJobRunRequest {
  readonly JobRunId?: string;
  readonly Arguments?: Readonly<Record<string, string>>;
  readonly Timeout?: number;
  readonly MaxCapacity?: number;
  /** Deprecated in Glue's API: MaxCapacity. */
  readonly AllocatedCapacity?: number;
  readonly WorkerType?: string;
  readonly NumberOfWorkers?: number;
  readonly SecurityConfiguration?: string;
  readonly NotificationProperty?: { readonly NotifyDelayAfter?: number };
  readonly ExecutionClass?: "FLEX" | "STANDARD";
  readonly JobRunQueuingEnabled?: boolean;
  readonly ExecutionRoleSessionPolicy?: string;
}

/** A job run as GetJobRun gives it (the result of `.sync()`). */
export interface GlueJobRun {
  Id: string;
  JobName: string;
  JobRunState: "STARTING" | "RUNNING" | "STOPPING" | "STOPPED" | "SUCCEEDED" | "FAILED" | "TIMEOUT" | "ERROR" | "WAITING";
  ErrorMessage?: string;
  ExecutionTime?: number;
}

export interface StartJobRun extends Integration<StartJobRunRequest, { JobRunId: string }, unknown> {
  /** Waits until the job run ends; the result describes the run. */
  sync(): Integration<StartJobRunRequest, GlueJobRun, unknown>;
}

/** AWS Glue. */
export const glue = {
  /** Starts a run of the Glue job `jobName`. @example task("Transform", glue.startJobRun("orders-etl").sync()) */
  startJobRun(jobName: string, request: StartJobRunRequest = {}): StartJobRun {
    const base = integration<StartJobRunRequest, { JobRunId: string }, unknown>({
      resource: resourceOf(glueStartJobRun),
      fixed: { JobName: jobName, ...request },
      patterns: glueStartJobRun.patterns,
    });
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
};
