/**
 * Batch job control: run the report container on Fargate and wait for it (`.sync`), then poll the
 * export it started until it is ready, with a Wait/Choice loop.
 */
import { choice, ecs, fail, lambda, succeed, task, wait, workflow } from "stepwright";

export interface ReportRequest {
  reportId: string;
  month: string;
}
export interface ExportStatus {
  exportId: string;
  status: "PENDING" | "RUNNING" | "READY" | "FAILED";
}

export const runReport = task(
  "RunReport",
  ecs
    .runTask({
      Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/reports",
      TaskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/monthly-report:7",
      LaunchType: "FARGATE",
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["subnet-0a1b2c3d"], AssignPublicIp: "DISABLED" } },
    })
    .sync(),
)
  // The first step: the workflow's input enters here, so this is where its type is declared.
  .parameters<ReportRequest>(($) => ({
    Overrides: { ContainerOverrides: [{ Name: "report", Environment: [{ Name: "REPORT_ID", Value: $.reportId }] }] },
  }))
  .resultSelector((t) => ({ exitCode: t.Containers[0]!.ExitCode, lastStatus: t.LastStatus }))
  .resultPath("$.container")
  .timeout(7200);

export const startExport = task("StartExport", lambda<ReportRequest, ExportStatus>("start-export"));
const waitForExport = wait("WaitForExport", { seconds: 60 });
export const checkExport = task("CheckExport", lambda<ExportStatus, ExportStatus>("check-export")).retry({
  errors: ["States.TaskFailed"],
  intervalSeconds: 5,
  maxAttempts: 3,
});
const isReady = choice("IsExportReady")
  .when(($) => $.status.eq("READY"), succeed("ExportReady"))
  .when(($) => $.status.eq("FAILED"), fail("ExportFailed", { error: "ExportFailed", cause: "The export did not finish" }))
  .otherwise(waitForExport);

export const batchJob = workflow("batch-job", {
  definition: runReport.next(startExport).next(waitForExport).next(checkExport).next(isReady),
  timeoutSeconds: 86400,
});
