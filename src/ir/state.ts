import type { ChoiceNode } from "./choice.js";
import type { FailNode } from "./fail.js";
import type { MapNode } from "./map.js";
import type { ParallelNode } from "./parallel.js";
import type { PassNode } from "./pass.js";
import type { SucceedNode } from "./succeed.js";
import type { TaskNode } from "./task.js";
import type { WaitNode } from "./wait.js";

export type StateNode = TaskNode | PassNode | ChoiceNode | WaitNode | SucceedNode | FailNode | ParallelNode | MapNode;
export type StateKind = StateNode["kind"];
