import { anyResource, defineIntegration, isSync, literalField, managedRule, passRole } from "./descriptor.js";
import { type Integration, requestIntegration, withPattern } from "./integration.js";

export const sagemakerCreateTrainingJob = defineIntegration({
  helper: "sagemaker.createTrainingJob",
  service: "sagemaker",
  action: "createTrainingJob",
  patterns: ["requestResponse", "sync", "waitForTaskToken"],
  required: ["TrainingJobName", "AlgorithmSpecification", "RoleArn", "OutputDataConfig", "ResourceConfig", "StoppingCondition"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html",
  iam: (context) => {
    const { request, partition, region, account, pattern } = context;
    const name = literalField(request, "TrainingJobName");
    const role = literalField(request, "RoleArn");
    const actions = isSync(pattern)
      ? ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"]
      : ["sagemaker:CreateTrainingJob"];
    return [
      // A job's name written out scopes it (and the names made from it, AWS's `name*`); one made at run time, any job.
      { actions, resources: [`arn:${partition}:sagemaker:${region}:${account}:training-job/${name ?? ""}*`] },
      anyResource("AWS documents sagemaker:ListTags with no narrower resource", "sagemaker:ListTags"),
      passRole(role, "sagemaker.amazonaws.com", "the role is chosen at run time"),
      ...(isSync(pattern) ? [managedRule(context, "StepFunctionsGetEventsForSageMakerTrainingJobsRule")] : []),
    ];
  },
  localRun: "mock",
});

/** The CreateTrainingJob request (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html), its most used fields. */
export interface CreateTrainingJobRequest {
  readonly TrainingJobName: string;
  readonly AlgorithmSpecification: {
    readonly TrainingInputMode: "Pipe" | "File" | "FastFile";
    readonly TrainingImage?: string;
    readonly AlgorithmName?: string;
  };
  /** The role SageMaker runs the job as (the state machine's role passes it). */
  readonly RoleArn: string;
  readonly OutputDataConfig: { readonly S3OutputPath: string; readonly KmsKeyId?: string };
  readonly ResourceConfig: { readonly InstanceType?: string; readonly InstanceCount?: number; readonly VolumeSizeInGB: number };
  readonly StoppingCondition: { readonly MaxRuntimeInSeconds?: number; readonly MaxWaitTimeInSeconds?: number };
  readonly InputDataConfig?: readonly {
    readonly ChannelName: string;
    readonly DataSource: {
      readonly S3DataSource?: { readonly S3DataType: string; readonly S3Uri: string; readonly S3DataDistributionType?: string };
    };
    readonly ContentType?: string;
  }[];
  readonly HyperParameters?: Readonly<Record<string, string>>;
  readonly Environment?: Readonly<Record<string, string>>;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
}

/** A training job as DescribeTrainingJob gives it (the result of `.sync()`). */
export interface TrainingJob {
  TrainingJobName: string;
  TrainingJobArn: string;
  TrainingJobStatus: "InProgress" | "Completed" | "Failed" | "Stopping" | "Stopped";
  SecondaryStatus?: string;
  FailureReason?: string;
  ModelArtifacts?: { S3ModelArtifacts: string };
}

export interface CreateTrainingJob extends Integration<Partial<CreateTrainingJobRequest>, { TrainingJobArn: string }, unknown> {
  /** Waits until the job ends; the result describes it. */
  sync(): Integration<Partial<CreateTrainingJobRequest>, TrainingJob, unknown>;
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<CreateTrainingJobRequest>, CallbackOut, unknown>;
}

/** Amazon SageMaker AI. */
export const sagemaker = {
  /**
   * Starts a training job.
   * @example task("Train", sagemaker.createTrainingJob({ TrainingJobName: "churn", RoleArn: "arn:aws:iam::123456789012:role/trainer", AlgorithmSpecification: { TrainingInputMode: "File", TrainingImage: "382416733822.dkr.ecr.us-east-1.amazonaws.com/xgboost:1" }, OutputDataConfig: { S3OutputPath: "s3://models/churn" }, ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }).sync())
   */
  createTrainingJob(request: Partial<CreateTrainingJobRequest> = {}): CreateTrainingJob {
    const base = requestIntegration<CreateTrainingJobRequest, { TrainingJobArn: string }>(sagemakerCreateTrainingJob, request);
    return Object.freeze({
      ...base,
      sync: () => withPattern(base, "sync"),
      waitForTaskToken: () => withPattern(base, "waitForTaskToken"),
    }) as never;
  },
};
