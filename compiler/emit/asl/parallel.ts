import type { ParallelNode } from "../../../src/ir/index.ts";
import { parallelFields } from "../../asl/fields.ts";
import { emitState } from "./common.ts";
import type { AslEmitOptions, AslObject } from "./context.ts";
import { emitGraph } from "./graph.ts";

export function emitParallel(node: ParallelNode, options: AslEmitOptions): AslObject {
  return emitState(node, parallelFields, (out) => {
    out.Branches = node.branches.map((branch) => emitGraph(branch, options));
  });
}
