/**
 * Rules about ASL the builder cannot produce (transitions, exclusive fields, a Resource that is not
 * an ARN): their fixtures are ASL files read into the IR, as `stepwright import` reads others' ASL.
 * Built workflows never trip them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { lambda, pass, task, wait, workflow } from "stepwright";
import { readAsl } from "stepwright/compiler";
import { exclusiveFields } from "../../../compiler/rules/exclusive-fields.ts";
import type { Rule } from "../../../compiler/rules/index.ts";
import { taskResource } from "../../../compiler/rules/task-resource.ts";
import { transitionTargets } from "../../../compiler/rules/transition-targets.ts";
import { findings, fixturePath } from "../../support/compile.ts";

const fromAsl = (rule: Rule, fixture: string) =>
  rule
    .check({
      workflow: { ...readAsl(JSON.parse(readFileSync(fixturePath(fixture), "utf8"))), kind: "Workflow", name: "read", type: "STANDARD" },
    })
    .map((f) => [f.state?.name, f.message]);

describe("SW2017 transition-targets", () => {
  test("a branch that leaves itself, and a Next to no state", () => {
    expect(fromAsl(transitionTargets, "rules/transition-targets.asl.json")).toEqual([
      ["Fan out", 'State "Fan out" goes to "Missing", which is not a state of its graph (a branch or item processor cannot leave itself).'],
      ["Inside", 'State "Inside" goes to "Outside", which is not a state of its graph (a branch or item processor cannot leave itself).'],
    ]);
  });
  test("built workflows go only to their own states", () => {
    expect(findings(transitionTargets, workflow("ok", { definition: pass("A").next(pass("B")) }))).toEqual([]);
  });
});

describe("SW2018 exclusive-fields", () => {
  test("Seconds with TimestampPath, TimeoutSeconds with its path, End with Next, Error with ErrorPath", () => {
    expect(fromAsl(exclusiveFields, "rules/exclusive-fields.asl.json")).toEqual([
      ["Pause", 'State "Pause" sets Seconds and TimestampPath; a state takes at most one of them.'],
      ["Call", 'State "Call" sets TimeoutSeconds and TimeoutSecondsPath; a state takes at most one of them.'],
      ["Call", 'State "Call" sets Next and End; a state takes at most one of them.'],
      ["Stop", 'State "Stop" sets Error and ErrorPath; a state takes at most one of them.'],
    ]);
  });
  test("built workflows set one of each", () => {
    const built = wait("W", { seconds: 5 }).next(task("T", lambda("f")).timeout(30));
    expect(findings(exclusiveFields, workflow("ok", { definition: built }))).toEqual([]);
  });
});

describe("SW2019 task-resource", () => {
  test("a Resource that is not an ARN; a CloudFormation placeholder ARN is fine", () => {
    expect(fromAsl(taskResource, "rules/task-resource.asl.json")).toEqual([
      ["Call", 'Task "Call" has Resource "invalid arn syntax", which is not an ARN.'],
    ]);
  });
  test("built integrations are ARNs", () => {
    expect(
      findings(taskResource, workflow("ok", { definition: task("T", lambda("arn:aws:lambda:us-east-1:123456789012:function:f")) })),
    ).toEqual([]);
  });
});
