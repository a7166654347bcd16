import { integration, type Integration, withPattern } from "./integration.js";

export interface StartJobRunRequest {
  readonly Arguments?: Readonly<Record<string, string>>;
  readonly Timeout?: number;
  readonly WorkerType?: string;
  readonly NumberOfWorkers?: number;
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
      resource: { kind: "integration", service: "glue", action: "startJobRun", pattern: "requestResponse", sdk: false },
      fixed: { JobName: jobName, ...request },
      patterns: ["requestResponse", "sync"],
    });
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
};
