import { describe, expect, test } from "vitest";
import { activity, ecs, lambda, map, pass, task, workflow } from "stepwright";
import { expressPatterns } from "../../../compiler/rules/express-patterns.ts";
import { expectFixture, findings } from "../../support/compile.ts";

const runTask = ecs.runTask({ Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/jobs", TaskDefinition: "report:3" });

describe("SW2007 express-patterns", () => {
  test("an EXPRESS workflow with .waitForTaskToken()", async () => {
    await expectFixture("rules/express-patterns.ts", {
      code: "SW2007",
      line: 6,
      column: 15,
      steps: ["AskApproval"],
      message: 'uses .waitForTaskToken(), but workflow "express-patterns" is EXPRESS',
    });
  });

  test(".sync() and activities in EXPRESS, and .sync() in a Distributed Map's EXPRESS children", () => {
    const sync = workflow("sync", { type: "EXPRESS", definition: task("Report", runTask.sync()) });
    expect(findings(expressPatterns, sync)).toEqual([expect.stringContaining('Step "Report" uses .sync()')]);
    const worker = workflow("worker", {
      type: "EXPRESS",
      definition: task("Work", activity("arn:aws:states:us-east-1:123456789012:activity:work")),
    });
    expect(findings(expressPatterns, worker)).toEqual([expect.stringContaining("uses an activity")]);
    const children = workflow("children", {
      definition: map("Each", { items: "$.jobs", mode: "DISTRIBUTED", executionType: "EXPRESS" }).process(task("Report", runTask.sync())),
    });
    expect(findings(expressPatterns, children)).toEqual([expect.stringContaining('runs in the EXPRESS child executions of Map "Each"')]);
  });

  test("the same in STANDARD, and request-response in EXPRESS, are fine", () => {
    expect(findings(expressPatterns, workflow("std", { definition: task("Report", runTask.sync()) }))).toEqual([]);
    expect(
      findings(expressPatterns, workflow("exp", { type: "EXPRESS", definition: task("Call", lambda.invoke("fn")).next(pass("P")) })),
    ).toEqual([]);
  });
});
