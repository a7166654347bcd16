import { integration, type Integration, withPattern } from "./integration.js";

/** The RunTask request, in the ECS API's own field names. */
export interface RunTaskRequest {
  readonly Cluster: string;
  readonly TaskDefinition: string;
  readonly LaunchType?: "EC2" | "FARGATE" | "EXTERNAL";
  readonly Count?: number;
  readonly PlatformVersion?: string;
  readonly Group?: string;
  readonly NetworkConfiguration?: {
    readonly AwsvpcConfiguration: { readonly Subnets: readonly string[]; readonly SecurityGroups?: readonly string[]; readonly AssignPublicIp?: "ENABLED" | "DISABLED" };
  };
  readonly Overrides?: Readonly<Record<string, unknown>>;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
}

export interface EcsContainer {
  Name: string;
  ExitCode?: number;
  LastStatus?: string;
  Reason?: string;
}
/** A task as DescribeTasks gives it (the result of `.sync()`). */
export interface EcsTask {
  TaskArn: string;
  ClusterArn: string;
  TaskDefinitionArn: string;
  LastStatus: string;
  DesiredStatus?: string;
  StopCode?: string;
  StoppedReason?: string;
  Containers: EcsContainer[];
}

export interface RunTask extends Integration<Partial<RunTaskRequest>, { Tasks: EcsTask[]; Failures: unknown[] }, unknown> {
  /** Waits until the task stops; the result describes the stopped task. */
  sync(): Integration<Partial<RunTaskRequest>, EcsTask, unknown>;
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<RunTaskRequest>, CallbackOut, unknown>;
}

/** Amazon ECS / Fargate. */
export const ecs = {
  /**
   * Runs a task. The request given here is sent as it is; `.parameters` may add fields (e.g. Overrides).
   * @example task("Run batch", ecs.runTask({ Cluster: "jobs", TaskDefinition: "report:3", LaunchType: "FARGATE" }).sync())
   */
  runTask(request: RunTaskRequest): RunTask {
    const base = integration<Partial<RunTaskRequest>, { Tasks: EcsTask[]; Failures: unknown[] }, unknown>({
      resource: { kind: "integration", service: "ecs", action: "runTask", pattern: "requestResponse", sdk: false },
      fixed: request as unknown as Record<string, unknown>,
      patterns: ["requestResponse", "sync", "waitForTaskToken"],
    });
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
