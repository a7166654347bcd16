import type { WorkflowNode } from "../src/ir/workflow.js";
import { type Diagnostic, diagnostic } from "./base/diagnostic.js";
import { rules } from "./rules/index.js";
import type { Rule, RuleContext } from "./rules/rule.js";

/** What one rule finds; each finding points at its state's code (else the workflow's). */
function findingsOf(rule: Rule, context: RuleContext): Diagnostic[] {
  return rule
    .check(context)
    .map((finding) =>
      diagnostic(
        rule.code,
        finding.message,
        finding.state?.source ?? context.workflow.source,
        finding.steps ?? (finding.state ? [finding.state.name] : undefined),
      ),
    );
}

const contextOf = (workflow: WorkflowNode, aslText?: string): RuleContext => (aslText === undefined ? { workflow } : { workflow, aslText });

/** Runs every rule on a workflow; each finding points at its state's code (else the workflow's). */
export function checkWorkflow(workflow: WorkflowNode, aslText?: string): Diagnostic[] {
  const context = contextOf(workflow, aslText);
  return rules.flatMap((rule) => findingsOf(rule, context));
}

/**
 * The same, with `turn()` awaited before each rule: a compile takes the type checker's answers in
 * between (a restating's round trips go on while the rules run).
 */
export async function checkWorkflowInTurns(workflow: WorkflowNode, aslText: string, turn: () => Promise<void>): Promise<Diagnostic[]> {
  const context = contextOf(workflow, aslText);
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    await turn();
    found.push(...findingsOf(rule, context));
  }
  return found;
}
