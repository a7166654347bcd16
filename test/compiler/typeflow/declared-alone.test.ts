/**
 * The examples declare their steps on their own, with no input type: TypeScript cannot check what
 * such a step reads, so the compiler checks it where the step is chained. Each row breaks one read
 * of an example (a field renamed, a wrong operator) and expects the finding that names it: the
 * examples lost no checking when their `Ref<...>` annotations went.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "stepwright/compiler";
import { root } from "../../support/compile.ts";
import { tempProject } from "../../support/temp-project.ts";

const rows: [file: string, from: string, to: string, code: string, message: string][] = [
  [
    "approval.ts",
    "claimId: $.claimId",
    "claimId: $.claimID",
    "SW1001",
    '"RequestApproval" reads input.claimID (parameters.MessageBody.claimId), but Choice "NeedsApproval" does not provide it.',
  ],
  [
    "batch-job.ts",
    '$.status.eq("READY")',
    "$.status.gt(1)",
    "SW1002",
    '"IsExportReady" needs input.status as a number (.gt(...)), but "CheckExport" gives',
  ],
  [
    "chained-lambdas.ts",
    "$.employees.gte(50)",
    "$.employes.gte(50)",
    "SW1001",
    '"RouteByScore" reads input.employes (.gte(...)), but "Score" does not provide it.',
  ],
  [
    "chained-lambdas.ts",
    'note: States.Format("{} ({} employees)", $.company',
    'note: States.Format("{} ({} employees)", $.compny',
    "SW1001",
    '"AssignSalesRep" reads input.compny (parameters.note)',
  ],
  [
    "etl-pipeline.ts",
    '"--table": $.table',
    '"--table": $.tables',
    "SW1001",
    '"ExtractTable" reads input.tables (parameters.Arguments.--table), but each item of Map "ExtractSources" does not provide it.',
  ],
  [
    "etl-pipeline.ts",
    '"--run-id": $.runId',
    '"--run-id": $.runID',
    "SW1001",
    '"LoadWarehouse" reads input.runID (parameters.Arguments.--run-id), but "ExtractSources" (through Parallel "LoadTargets") does not provide it.',
  ],
  [
    "etl-pipeline.ts",
    "runId: { S: $.runId }",
    "runId: { S: $.run }",
    "SW1001",
    '"RecordRun" reads input.run (parameters.Item.runId.S), but "ExtractSources" (through "LoadTargets") does not provide it.',
  ],
  [
    "fulfilment.ts",
    "address: $.address",
    "address: $.adress",
    "SW1001",
    '"Ship" reads input.adress (parameters.Input.address), but "ReserveStock" does not provide it.',
  ],
  [
    "jsonata-orders.ts",
    "$.lineCount.gt(10)",
    "$.lines.gt(10)",
    "SW1001",
    '"ChooseShipping" reads input.lines (a JSONata expression), but "SaveOrder" does not provide it.',
  ],
  [
    "order-processing.ts",
    "trackingNumber: $.shipment.trackingNumber",
    "trackingNumber: $.shipment.tracking",
    "SW1001",
    '"NotifyCustomer" reads input.shipment.tracking (parameters.Message.trackingNumber), but "ShipOrder" does not provide it.',
  ],
];

describe("steps declared on their own in the examples are checked where they are used", () => {
  test.each(rows)("%s: %s → %s", async (file, from, to, code, message) => {
    const text = readFileSync(join(root, "examples", file), "utf8");
    expect(text).toContain(from);
    const dir = tempProject({ [`src/${file}`]: text.replace(from, to) });
    const { diagnostics } = await compile({ cwd: dir, files: [`src/${file}`], checkOnly: true });
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    expect(diagnostics[0]!.message).toContain(message);
  });
});
