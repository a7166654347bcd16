import { describe, expect, test } from "vitest";
import { map, pass, workflow } from "stepwright";
import { mapMode } from "../../../compiler/rules/map-mode.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2013 map-mode", () => {
  test("a Distributed-only field on an Inline Map", async () => {
    await expectFixture("rules/map-mode.ts", {
      code: "SW2013",
      line: 5,
      column: 15,
      steps: ["EachOrder"],
      message: 'Map "EachOrder" sets Label, which only a Distributed Map has',
    });
  });

  test("a Distributed Map starting STANDARD children from an EXPRESS workflow", () => {
    const wf = workflow("w", {
      type: "EXPRESS",
      definition: map("Files", { items: "$.files", mode: "DISTRIBUTED", executionType: "STANDARD" }).process(pass("P")),
    });
    expect(findings(mapMode, wf)).toEqual([expect.stringContaining("starts STANDARD child workflows from an Express execution")]);
  });

  test("Inline and Distributed Maps used as designed are fine", () => {
    const inline = workflow("i", { definition: map("Each", { items: "$.xs", maxConcurrency: 2 }).process(pass("P")) });
    const distributed = workflow("d", {
      definition: map("Files", { items: "$.files", mode: "DISTRIBUTED", executionType: "EXPRESS", label: "files" }).process(pass("P")),
    });
    expect(findings(mapMode, inline)).toEqual([]);
    expect(findings(mapMode, distributed)).toEqual([]);
  });
});
