/**
 * The path from IR to ASL is typed end to end: every IR field is written by a field table (shared by
 * the emitter and the reader) or claimed by its kind's own emitter. A field added to the IR that
 * nothing maps is a compile error naming it, not a field silently dropped from the ASL.
 */
import type { AllMapped, StateTables, TaskElsewhere, taskFields, Unmapped } from "../../compiler/asl/fields.ts";
import type { TaskNode } from "../../src/ir/task.ts";

type TaskTables = StateTables | typeof taskFields;

// Today every field of a Task is mapped.
export type TaskToday = AllMapped<Unmapped<TaskNode, TaskTables, TaskElsewhere>>;

// A Task node with a new field no table maps does not compile.
// @ts-expect-error Type '"retryBudget"' does not satisfy the constraint 'never'.
export type TaskWithNewField = AllMapped<Unmapped<TaskNode & { readonly retryBudget?: number }, TaskTables, TaskElsewhere>>;
