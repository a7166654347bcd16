import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { readAsl } from "stepwright/compiler";
import { reachableStates } from "../../../compiler/rules/reachable-states.ts";
import { findings, fixturePath } from "../../support/compile.ts";

describe("SW2003 reachable-states", () => {
  // The builder only puts reachable steps in a graph, so the orphan comes from ASL (as `stepwright
  // import` would read it); an IR without source positions gives no file:line:col.
  test("a state nothing goes to, in a definition read from ASL", () => {
    const ir = readAsl(JSON.parse(readFileSync(fixturePath("rules/unreachable.asl.json"), "utf8")));
    const found = reachableStates.check({ workflow: { ...ir, kind: "Workflow", name: "orphans", type: "STANDARD" } });
    expect(found.map((f) => [f.state?.name, f.message])).toEqual([["Orphan", 'State "Orphan" cannot be reached from "Start".']]);
  });

  test("every step of a built workflow is reachable", () => {
    expect(findings(reachableStates, workflow("ok", { definition: pass("A").next(pass("B")) }))).toEqual([]);
  });
});
