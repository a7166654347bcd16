import type { ChoiceNode } from "./choice.ts";
import type { FailNode } from "./fail.ts";
import type { MapNode } from "./map.ts";
import type { ParallelNode } from "./parallel.ts";
import type { PassNode } from "./pass.ts";
import type { SucceedNode } from "./succeed.ts";
import type { TaskNode } from "./task.ts";
import type { WaitNode } from "./wait.ts";

export type StateNode = TaskNode | PassNode | ChoiceNode | WaitNode | SucceedNode | FailNode | ParallelNode | MapNode;
export type StateKind = StateNode["kind"];
