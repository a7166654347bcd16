import type { StepDraft } from "../../src/steps/draft.js";
import type { Workflow } from "../../src/workflow.js";

/**
 * The zod schema a run's input must fit: the workflow's own `input`; else, where the first step is
 * a Task that hands the whole input to its function (a `lambda(fn, schemas)` with no parameters,
 * arguments or InputPath), that function's input schema.
 */
export function runInputSchema(workflow: Workflow<unknown, unknown>): unknown {
  if (workflow.options.input) return workflow.options.input;
  const first: StepDraft = workflow.definition.start;
  if (first.kind !== "Task") return undefined;
  const f = first.fields;
  if (f.parameters !== undefined || f.arguments !== undefined || f.inputPath !== undefined) return undefined;
  // lambda.invoke wraps the input in its Payload: the whole input is the payload, as for lambda(fn).
  return f.integration.schemas?.input;
}
