import type { IamStatement } from "../../../../src/integrations/descriptor.js";
import { statesOf } from "../../../../src/ir/walk.js";
import type { StateNode } from "../../../../src/ir/state.js";
import type { WorkflowNode } from "../../../../src/ir/workflow.js";
import { codePointOrder } from "../../../base/order.js";
import { credentialsStatements } from "./credentials.js";
import { distributedMapStatements } from "./distributed-map.js";
import { encryptionStatements } from "./encryption.js";
import { observabilityStatements } from "./observability.js";
import { mapS3Statements } from "./s3.js";
import type { ArnScope } from "./scope.js";
import { taskStatements } from "./task.js";

export type { ArnScope } from "./scope.js";
export type Statement = IamStatement;

/** What one state needs, cause by cause: its integration, the role it assumes, a Distributed Map's children and S3. */
function stateStatements(state: StateNode, scope: ArnScope): readonly IamStatement[] {
  if (state.kind === "Task") return [...taskStatements(state, scope), ...credentialsStatements(state)];
  if (state.kind === "Map") return [...distributedMapStatements(state, scope), ...mapS3Statements(state, scope)];
  return [];
}

/**
 * The least-privilege statements a workflow's role needs: one per distinct set of actions (and
 * condition), with the resources of every cause that needs them, in a stable order.
 * @example const statements = policyStatements(orders.assemble().ir, {
 *   partition: "aws",
 *   region: "us-east-1",
 *   account: "123456789012",
 *   ownName: "orders",
 *   targetArn: (target) => (target.kind === "arn" ? target.arn : `arn:aws:lambda:us-east-1:123456789012:function:${target.kind === "name" ? target.name : "x"}`),
 *   keyArn: (key) => (key.kind === "arn" ? key.arn : "*"),
 * });
 */
export function policyStatements(workflow: WorkflowNode, scope: ArnScope): Statement[] {
  const found = [
    ...statesOf(workflow).flatMap(({ state }) => stateStatements(state, scope)),
    ...observabilityStatements(workflow),
    ...encryptionStatements(workflow, scope),
  ];
  const merged = new Map<string, { actions: string[]; resources: Set<string>; why?: string; condition?: IamStatement["condition"] }>();
  for (const s of found) {
    const actions = [...new Set(s.actions)].sort(codePointOrder);
    const key = JSON.stringify([actions, s.resources.includes("*"), s.condition ?? null]);
    const entry = merged.get(key) ?? {
      actions,
      resources: new Set<string>(),
      ...(s.why ? { why: s.why } : {}),
      ...(s.condition ? { condition: s.condition } : {}),
    };
    for (const r of s.resources) entry.resources.add(r);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map((m) => ({
      actions: m.actions,
      resources: m.resources.has("*") ? ["*"] : [...m.resources].sort(codePointOrder),
      ...(m.why ? { why: m.why } : {}),
      ...(m.condition ? { condition: m.condition } : {}),
    }))
    .sort(
      (a, b) => codePointOrder(a.actions.join(","), b.actions.join(",")) || codePointOrder(a.resources.join(","), b.resources.join(",")),
    );
}
