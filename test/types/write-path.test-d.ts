/**
 * The builders' write path is typed: a builder method writes only its own kind's draft fields, and
 * every draft field is read by its kind's lowering. A misspelt field, a field of another kind, or a
 * new draft field no lowering reads fails `tsc` instead of being silently dropped.
 */
import type { Call } from "../../src/steps/result-step.ts";
import { Task } from "../../src/steps/task.ts";
import { Pass } from "../../src/steps/pass.ts";
import type { TaskDraftFields } from "../../src/steps/draft.ts";
import type { AllLowered, Unlowered } from "../../src/lower/common.ts";
import type { TaskRead } from "../../src/lower/task.ts";

export class TaskProbe extends Task<unknown, unknown, Call> {
  writesItsOwnFields(): this {
    return this.with({ resultPath: "$.charge", timeoutSeconds: 30 });
  }
  misspelt(): this {
    // @ts-expect-error Object literal may only specify known properties, and 'reslutPath' does not exist.
    return this.with({ reslutPath: "$.charge" });
  }
  anotherKindsField(): this {
    // @ts-expect-error 'result' is a Pass field, not a Task's.
    return this.with({ result: { ok: true } });
  }
  wrongType(): this {
    // @ts-expect-error ResultPath is a path string or null.
    return this.with({ resultPath: 42 });
  }
}

export class PassProbe extends Pass<unknown> {
  aTaskField(): this {
    // @ts-expect-error 'heartbeatSeconds' is a Task field, not a Pass's.
    return this.with({ heartbeatSeconds: 5 });
  }
}

// Today every field of a Task draft is lowered.
export type TaskToday = AllLowered<Unlowered<TaskDraftFields, TaskRead>>;

// A Task draft with a new field that no lowering reads does not compile.
// @ts-expect-error Type '"retryBudget"' does not satisfy the constraint 'never'.
export type TaskWithNewField = AllLowered<Unlowered<TaskDraftFields & { readonly retryBudget?: number }, TaskRead>>;
