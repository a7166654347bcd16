import { arnOf, defineIntegration, isSync, literalField, managedRule, onResource, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

export const codebuildStartBuild = defineIntegration({
  helper: "codebuild.startBuild",
  service: "codebuild",
  action: "startBuild",
  patterns: ["requestResponse", "sync"],
  required: ["ProjectName"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/codebuild-iam.html",
  iam: (context) => {
    const arn = arnOf(
      literalField(context.request, "ProjectName"),
      (project) => `arn:${context.partition}:codebuild:${context.region}:${context.account}:project/${project}`,
    );
    const actions = isSync(context.pattern)
      ? ["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"]
      : ["codebuild:StartBuild"];
    const build = onResource(arn, "the project is chosen at run time", ...actions);
    // AWS names this rule `...GetEventFor...` (not `...GetEventsFor...`, as for the other services).
    return isSync(context.pattern) ? [build, managedRule(context, "StepFunctionsGetEventForCodeBuildStartBuildRule")] : [build];
  },
  localRun: "mock",
});

/** The StartBuild request besides ProjectName (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html), its most used fields. */
export interface StartBuildRequest {
  readonly SourceVersion?: string;
  readonly EnvironmentVariablesOverride?: readonly {
    readonly Name: string;
    readonly Value: string;
    readonly Type?: "PLAINTEXT" | "PARAMETER_STORE" | "SECRETS_MANAGER";
  }[];
  readonly BuildspecOverride?: string;
  readonly TimeoutInMinutesOverride?: number;
  readonly QueuedTimeoutInMinutesOverride?: number;
  readonly ComputeTypeOverride?: string;
  readonly ImageOverride?: string;
  readonly PrivilegedModeOverride?: boolean;
  readonly IdempotencyToken?: string;
  readonly DebugSessionEnabled?: boolean;
}

/** A build as StartBuild (and, with `.sync()`, BatchGetBuilds when it ends) gives it. */
export interface CodeBuildBuild {
  Build: {
    Id: string;
    Arn: string;
    BuildNumber?: number;
    BuildStatus: "SUCCEEDED" | "FAILED" | "FAULT" | "TIMED_OUT" | "IN_PROGRESS" | "STOPPED";
    ProjectName: string;
    CurrentPhase?: string;
    StartTime?: string;
    EndTime?: string;
  };
}

export interface StartBuild extends Integration<StartBuildRequest, CodeBuildBuild, unknown> {
  /** Waits until the build ends; the result describes it. */
  sync(): Integration<StartBuildRequest, CodeBuildBuild, unknown>;
}

/** AWS CodeBuild. */
export const codebuild = {
  /**
   * Starts a build of the project `projectName`.
   * @example task("Build", codebuild.startBuild("site", { SourceVersion: "main" }).sync())
   */
  startBuild(projectName: string, request: StartBuildRequest = {}): StartBuild {
    const base = integration<StartBuildRequest, CodeBuildBuild, unknown>({
      resource: resourceOf(codebuildStartBuild),
      fixed: { ProjectName: projectName, ...request },
      patterns: codebuildStartBuild.patterns,
    });
    return Object.freeze({ ...base, sync: () => withPattern(base, "sync") }) as never;
  },
};
