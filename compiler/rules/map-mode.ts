import type { MapNode } from "../../src/ir/map.js";
import { type Finding, type Rule, statesOf } from "./rule.js";

/** Map fields that only a Distributed Map has (AWS rejects them on an Inline Map). */
const distributedOnly: readonly [keyof MapNode, string][] = [
  ["itemReader", "ItemReader"],
  ["itemBatcher", "ItemBatcher"],
  ["resultWriter", "ResultWriter"],
  ["toleratedFailurePercentage", "ToleratedFailurePercentage"],
  ["toleratedFailurePercentagePath", "ToleratedFailurePercentagePath"],
  ["toleratedFailureCount", "ToleratedFailureCount"],
  ["toleratedFailureCountPath", "ToleratedFailureCountPath"],
  ["label", "Label"],
];

/**
 * How Maps nest: the Distributed-only fields need mode DISTRIBUTED, a Distributed Map needs an
 * ExecutionType, and an Express execution cannot start STANDARD child workflows.
 */
export const mapMode: Rule = {
  code: "SW2013",
  name: "map-mode",
  check({ workflow }) {
    const findings: Finding[] = [];
    for (const { state, scope } of statesOf(workflow)) {
      if (state.kind !== "Map") continue;
      const config = state.itemProcessor.processorConfig;
      if (config?.mode !== "DISTRIBUTED") {
        const used = distributedOnly.filter(([key]) => state[key] !== undefined).map(([, asl]) => asl);
        if (used.length > 0)
          findings.push({
            state,
            message: `Map "${state.name}" sets ${used.join(", ")}, which only a Distributed Map has; use mode: "DISTRIBUTED".`,
          });
        continue;
      }
      if (!config.executionType)
        findings.push({
          state,
          message: `Distributed Map "${state.name}" needs an executionType ("STANDARD" or "EXPRESS") for its child workflows.`,
        });
      if (scope.express && config.executionType === "STANDARD") {
        findings.push({
          state,
          message: `Distributed Map "${state.name}" starts STANDARD child workflows from an Express execution, which can only run EXPRESS children.`,
        });
      }
    }
    return findings;
  },
};
