import { describe, expect, test } from "vitest";
import { batchJob } from "../../examples/batch-job.ts";
import { aslOf, run, validate } from "../support/oracles.ts";

const asl = aslOf(batchJob);

describe("example: batch job control", () => {
  test("is valid ASL: ECS .sync and a polling loop", () => {
    expect(validate(asl)).toEqual([]);
    expect(asl.States.RunReport.Resource).toBe("arn:aws:states:::ecs:runTask.sync");
    expect(asl.States.IsExportReady.Default).toBe("WaitForExport");
  });

  test("runs the container, then polls the export until it is ready", async () => {
    let container: any;
    const statuses = ["PENDING", "RUNNING", "READY"];
    const result = await run(
      asl,
      { reportId: "rep-1", month: "2024-04" },
      {
        RunReport: (req) => ((container = req), { Containers: [{ Name: "report", ExitCode: 0 }], LastStatus: "STOPPED" }),
        StartExport: () => ({ exportId: "x1", status: "PENDING" }),
        CheckExport: (s) => ({ ...s, status: statuses.shift() }),
      },
    );
    expect(container.Overrides.ContainerOverrides[0].Environment).toEqual([{ Name: "REPORT_ID", Value: "rep-1" }]);
    expect(container.LaunchType).toBe("FARGATE");
    expect(result.path.filter((s) => s === "CheckExport")).toHaveLength(3);
    expect(result.path.at(-1)).toBe("ExportReady");
    expect(result.output).toEqual({ exportId: "x1", status: "READY" });
  });

  test("a failed export ends the workflow as ExportFailed", async () => {
    const result = await run(
      asl,
      { reportId: "rep-1", month: "2024-04" },
      {
        RunReport: () => ({ Containers: [{ Name: "report", ExitCode: 0 }], LastStatus: "STOPPED" }),
        StartExport: () => ({ exportId: "x1", status: "PENDING" }),
        CheckExport: (s) => ({ ...s, status: "FAILED" }),
      },
    );
    expect(result.error).toEqual({ name: "ExportFailed", cause: "The export did not finish" });
  });
});
