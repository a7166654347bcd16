import { defineIntegration, jsonObject, literalField, onResource, passRole } from "./descriptor.js";
import { type Integration, requestIntegration } from "./integration.js";

// EventBridge Scheduler through the AWS SDK integration: CreateSchedule on the schedule, and
// passing the target's role to Scheduler, which calls the target as that role.
export const schedulerCreateSchedule = defineIntegration({
  helper: "scheduler.createSchedule",
  sdk: true,
  service: "scheduler",
  action: "createSchedule",
  patterns: ["requestResponse"],
  required: ["Name", "ScheduleExpression", "FlexibleTimeWindow", "Target"],
  iamDocs: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridgescheduler.html",
  iam: ({ request, partition, region, account }) => {
    const name = literalField(request, "Name");
    const group = literalField(request, "GroupName") ?? "default";
    const role = literalField(jsonObject(jsonObject(request)?.Target), "RoleArn");
    return [
      onResource(
        name && `arn:${partition}:scheduler:${region}:${account}:schedule/${group}/${name}`,
        "the schedule is named at run time",
        "scheduler:CreateSchedule",
      ),
      passRole(role, "scheduler.amazonaws.com", "the target's role is chosen at run time"),
    ];
  },
  localRun: "mock",
});

/** The CreateSchedule request (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html). */
export interface CreateScheduleRequest {
  readonly Name: string;
  readonly GroupName?: string;
  /** `at(2026-12-24T18:00:00)`, `rate(5 minutes)` or `cron(0 8 * * ? *)`. */
  readonly ScheduleExpression: string;
  readonly ScheduleExpressionTimezone?: string;
  readonly FlexibleTimeWindow: { readonly Mode: "OFF" | "FLEXIBLE"; readonly MaximumWindowInMinutes?: number };
  readonly Target: {
    readonly Arn: string;
    /** The role Scheduler calls the target as (the state machine's role passes it). */
    readonly RoleArn: string;
    readonly Input?: string;
    readonly RetryPolicy?: { readonly MaximumEventAgeInSeconds?: number; readonly MaximumRetryAttempts?: number };
    readonly DeadLetterConfig?: { readonly Arn?: string };
  };
  readonly State?: "ENABLED" | "DISABLED";
  readonly Description?: string;
  readonly StartDate?: string;
  readonly EndDate?: string;
  readonly ActionAfterCompletion?: "NONE" | "DELETE";
  readonly KmsKeyArn?: string;
  readonly ClientToken?: string;
}

/** EventBridge Scheduler, through the AWS SDK integration. */
export const scheduler = {
  /**
   * Creates a schedule (a one-time `at(...)` that deletes itself after it runs: a reminder the workflow sets).
   * @example task("Remind", scheduler.createSchedule({ Name: "remind-o-1", ScheduleExpression: "at(2026-12-24T18:00:00)", FlexibleTimeWindow: { Mode: "OFF" }, ActionAfterCompletion: "DELETE", Target: { Arn: "arn:aws:sqs:us-east-1:123456789012:reminders", RoleArn: "arn:aws:iam::123456789012:role/scheduler" } }))
   */
  createSchedule: (
    request: Partial<CreateScheduleRequest> = {},
  ): Integration<Partial<CreateScheduleRequest>, { ScheduleArn: string }, unknown> =>
    requestIntegration<CreateScheduleRequest, { ScheduleArn: string }>(schedulerCreateSchedule, request),
};
