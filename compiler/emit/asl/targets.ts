import type { TargetRef, WorkflowNode } from "../../../src/ir/index.js";
import { mapStrings } from "../../../src/ir/json.js";
import type { AslObject } from "./context.js";
import { emitAsl } from "./workflow.js";

/**
 * A workflow's ASL emitted once per build, with each target it names (a Lambda or state machine by
 * name, or by a Terraform reference) left as a hole. The `.asl.json` fills the holes with ARNs (from
 * the region and account), the Terraform definition with references: the same emission, two fillings.
 */
export interface AslWithTargets {
  readonly asl: AslObject;
  readonly targets: readonly TargetRef[];
}

// Private-use characters: a hole cannot be mistaken for text a user wrote (the Terraform tokens use U+E000/U+E001).
const hole = (index: number) => `\uE010${index}\uE011`;
const holes = /\uE010(\d+)\uE011/g;

export function emitAslWithTargets(ir: WorkflowNode, partition: string): AslWithTargets {
  const targets: TargetRef[] = [];
  const asl = emitAsl(ir, {
    partition,
    targetRef: (target) => {
      targets.push(target);
      return hole(targets.length - 1);
    },
  });
  return { asl, targets };
}

/** The ASL with every hole filled by `fill` (which may throw, as resolving a name without a region does). */
export function fillTargets({ asl, targets }: AslWithTargets, fill: (target: TargetRef) => string): AslObject {
  const filled = targets.map(fill);
  return mapStrings(asl, (text) =>
    text.includes("\uE010") ? text.replace(holes, (_, i: string) => filled[Number(i)]!) : text,
  ) as AslObject;
}
