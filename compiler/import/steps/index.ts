import type { StateNode } from "../../../src/ir/state.js";
import type { Code } from "../base/code.js";
import { choiceCode } from "./choice.js";
import type { StepContext } from "./context.js";
import { failCode } from "./fail.js";
import { mapCode } from "./map.js";
import { parallelCode } from "./parallel.js";
import { passCode } from "./pass.js";
import { succeedCode } from "./succeed.js";
import { taskCode } from "./task.js";
import { waitCode } from "./wait.js";

/** The builder calls that make one state, as a user would write them. */
export function stepCode(node: StateNode, ctx: StepContext): Code {
  switch (node.kind) {
    case "Task":
      return taskCode(node, ctx);
    case "Pass":
      return passCode(node, ctx);
    case "Wait":
      return waitCode(node, ctx);
    case "Choice":
      return choiceCode(node, ctx);
    case "Succeed":
      return succeedCode(node, ctx);
    case "Fail":
      return failCode(node, ctx);
    case "Parallel":
      return parallelCode(node, ctx);
    case "Map":
      return mapCode(node, ctx);
  }
}
