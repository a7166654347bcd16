import type { GraphNode, StateNode } from "../../../src/ir/index.js";
import { copyFields, graphFields } from "../../asl/fields.js";
import { emitChoice } from "./choice.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { emitFail } from "./fail.js";
import { emitMap } from "./map.js";
import { emitParallel } from "./parallel.js";
import { emitPass } from "./pass.js";
import { emitSucceed } from "./succeed.js";
import { emitTask } from "./task.js";
import { emitWait } from "./wait.js";

export function emitStateNode(node: StateNode, options: AslEmitOptions): AslObject {
  const out = emitStateFields(node, options);
  // Fields written with `.asl({...})` go last, over what the builder wrote.
  return node.asl ? Object.assign(out, node.asl) : out;
}

function emitStateFields(node: StateNode, options: AslEmitOptions): AslObject {
  switch (node.kind) {
    case "Task":
      return emitTask(node, options);
    case "Pass":
      return emitPass(node);
    case "Choice":
      return emitChoice(node);
    case "Wait":
      return emitWait(node);
    case "Succeed":
      return emitSucceed(node);
    case "Fail":
      return emitFail(node);
    case "Parallel":
      return emitParallel(node, options);
    case "Map":
      return emitMap(node, options);
  }
}

/** `StartAt` and `States` of a workflow, branch or item processor, states in IR order. */
export function emitGraph(graph: GraphNode, options: AslEmitOptions): AslObject {
  const out: AslObject = {};
  copyFields(graph, out, graphFields, "toAsl");
  out.StartAt = graph.startAt;
  // Defined, not assigned: a state named "__proto__" must be a key like any other.
  const states: AslObject = {};
  for (const state of graph.states)
    Object.defineProperty(states, state.name, {
      value: emitStateNode(state, options),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  out.States = states;
  return out;
}
