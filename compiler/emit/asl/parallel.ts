import type { ParallelNode } from "../../../src/ir/index.js";
import { parallelFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { emitGraph } from "./graph.js";

export function emitParallel(node: ParallelNode, options: AslEmitOptions): AslObject {
  return emitState(node, parallelFields, (out) => {
    out.Branches = node.branches.map((branch) => emitGraph(branch, options));
  });
}
