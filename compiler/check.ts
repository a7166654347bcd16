import type { WorkflowNode } from "../src/ir/workflow.js";
import { type Diagnostic, diagnostic } from "./base/diagnostic.js";
import { rules } from "./rules/index.js";

/** Runs every rule on a workflow; each finding points at its state's code (else the workflow's). */
export function checkWorkflow(workflow: WorkflowNode, aslText?: string): Diagnostic[] {
  const context = aslText === undefined ? { workflow } : { workflow, aslText };
  return rules.flatMap((rule) =>
    rule
      .check(context)
      .map((finding) =>
        diagnostic(
          rule.code,
          finding.message,
          finding.state?.source ?? workflow.source,
          finding.steps ?? (finding.state ? [finding.state.name] : undefined),
        ),
      ),
  );
}
