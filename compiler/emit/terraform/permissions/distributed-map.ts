import type { IamStatement } from "../../../../src/integrations/descriptor.js";
import type { MapNode } from "../../../../src/ir/map.js";
import { type ArnScope, ownChildExecutions, ownMachine } from "./scope.js";

// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html
/** A Distributed Map runs its items as child executions of this state machine, and redrives them when the parent is redriven. */
export function distributedMapStatements(map: MapNode, scope: ArnScope): readonly IamStatement[] {
  if (map.itemProcessor.processorConfig?.mode !== "DISTRIBUTED") return [];
  return [
    { actions: ["states:StartExecution"], resources: [ownMachine(scope)] },
    { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [ownChildExecutions(scope)] },
    { actions: ["states:RedriveExecution"], resources: [ownChildExecutions(scope)] },
  ];
}
