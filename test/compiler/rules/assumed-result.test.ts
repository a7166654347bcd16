import { describe, expect, test } from "vitest";
import { dynamodb, task, workflow } from "stepwright";
import { compile } from "stepwright/compiler";
import { assumedResult } from "../../../compiler/rules/assumed-result.ts";
import { runLocally } from "../../../compiler/run/local.ts";
import { diagnosticsOf, findings, fixturePath, root } from "../../support/compile.ts";

// DynamoDB's GetItem: "If there is no matching item, GetItem does not return any data and there will
// be no Item element in the response." https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
describe("SW2020 assumed-result", () => {
  test("a getItem that assumes the item is found: a warning at the Task, naming the field and when it is absent", async () => {
    const diagnostics = await diagnosticsOf("rules/assumed-result.ts");
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.steps])).toEqual([["SW2020", "warning", 5, 14, ["Load"]]]);
    expect(diagnostics[0]!.message).toBe(
      `Task "Load" assumes getItem's result has Item, which getItem leaves out when no item has the key: a step reading it then fails with States.Runtime. Test it with a Choice (.isPresent()) and drop the assumption, or catch States.Runtime.`,
    );
  });

  test("the build goes on: a warning writes the workflow, whose ASL holds no trace of the assumption", async () => {
    const { workflows, diagnostics } = await compile({ files: ["test/fixtures/rules/assumed-result.ts"], cwd: root });
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(workflows.map((w) => (w.asl as { States: Record<string, unknown> }).States["Load"])).toEqual([
      {
        Type: "Task",
        Resource: "arn:aws:states:::dynamodb:getItem",
        Parameters: { TableName: "Orders", Key: { id: { "S.$": "$.id" } } },
        Next: "Status",
      },
    ]);
  });

  test("without the assumption, reading the item is an error: getItem may leave Item out", async () => {
    const diagnostics = await diagnosticsOf("rules/assumed-result-unsaid.ts");
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message])).toEqual([
      ["SW1003", "error", 8, 76, '"Status" needs input.Item (Order), but "Load" may leave it out (it is optional there).'],
    ]);
  });

  test("the risk is real: with no item for the key, Status fails with States.Runtime; with one, the run succeeds", async () => {
    const { workflows } = await compile({ files: ["test/fixtures/rules/assumed-result.ts"], cwd: root });
    const asl = workflows[0]!.asl;
    const missing = await runLocally(asl, { id: "o-1" }, { mocks: { Load: () => ({}) } });
    expect(missing.error?.error).toBe("States.Runtime");
    expect(missing.failedState).toBe("Status");
    const found = await runLocally(asl, { id: "o-1" }, { mocks: { Load: () => ({ Item: { status: { S: "paid" } } }) } });
    expect(found.output).toEqual({ status: "paid" });
  });

  test("a getItem that does not assume, and assumptions of fields AWS always gives, find nothing", () => {
    const plain = workflow("w", { definition: task("Load", dynamodb.getItem("Orders")).parameters(() => ({ Key: { id: { S: "1" } } })) });
    expect(findings(assumedResult, plain)).toEqual([]);
  });

  test("the fixture is the file the diagnostic names", async () => {
    expect((await diagnosticsOf("rules/assumed-result.ts"))[0]!.file).toBe(fixturePath("rules/assumed-result.ts"));
  });
});
