import { anyResource, defineIntegration, isSync, literalField, managedRule, onResource, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

/** A task definition (family, family:revision or ARN) as the ARN IAM scopes RunTask to; a family covers its revisions. */
function taskDefinitionArn(value: string, partition: string, region: string, account: string): string {
  if (value.startsWith("arn:")) return /:task-definition\/[^:]+$/.test(value) ? `${value}:*` : value;
  return `arn:${partition}:ecs:${region}:${account}:task-definition/${value.includes(":") ? value : `${value}:*`}`;
}

export const ecsRunTask = defineIntegration({
  helper: "ecs.runTask",
  service: "ecs",
  action: "runTask",
  patterns: ["requestResponse", "sync", "waitForTaskToken"],
  required: ["TaskDefinition"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html",
  iam: (context) => {
    const definition = literalField(context.request, "TaskDefinition");
    const run = onResource(
      definition && taskDefinitionArn(definition, context.partition, context.region, context.account),
      "the task definition is chosen at run time",
      "ecs:RunTask",
    );
    if (!isSync(context.pattern)) return [run];
    return [
      run,
      anyResource("the task's id is only known once it runs (AWS's own policy for ecs:runTask.sync)", "ecs:StopTask", "ecs:DescribeTasks"),
      managedRule(context, "StepFunctionsGetEventsForECSTaskRule"),
    ];
  },
  localRun: "mock",
});

/** The RunTask request, in the ECS API's own field names (every field it takes; TaskDefinition is the one it requires). */
export interface RunTaskRequest {
  /** The cluster's name or ARN; without one, the account's default cluster. */
  readonly Cluster?: string;
  readonly TaskDefinition: string;
  readonly LaunchType?: "EC2" | "FARGATE" | "EXTERNAL";
  readonly CapacityProviderStrategy?: readonly { readonly capacityProvider: string; readonly weight?: number; readonly base?: number }[];
  readonly Count?: number;
  readonly PlatformVersion?: string;
  readonly Group?: string;
  readonly NetworkConfiguration?: {
    readonly AwsvpcConfiguration: {
      readonly Subnets: readonly string[];
      readonly SecurityGroups?: readonly string[];
      readonly AssignPublicIp?: "ENABLED" | "DISABLED";
    };
  };
  readonly Overrides?: Readonly<Record<string, unknown>>;
  readonly PlacementConstraints?: readonly { readonly type?: "distinctInstance" | "memberOf"; readonly expression?: string }[];
  readonly PlacementStrategy?: readonly { readonly type?: "random" | "spread" | "binpack"; readonly field?: string }[];
  readonly EnableECSManagedTags?: boolean;
  readonly EnableExecuteCommand?: boolean;
  readonly PropagateTags?: "TASK_DEFINITION" | "SERVICE" | "NONE";
  readonly ReferenceId?: string;
  readonly StartedBy?: string;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
  readonly ClientToken?: string;
  readonly VolumeConfigurations?: readonly Readonly<Record<string, unknown>>[];
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
      resource: resourceOf(ecsRunTask),
      fixed: { ...request },
      patterns: ecsRunTask.patterns,
    });
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
