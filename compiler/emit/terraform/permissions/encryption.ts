import type { IamStatement } from "../../../../src/integrations/descriptor.js";
import type { WorkflowNode } from "../../../../src/ir/workflow.js";
import { type ArnScope, ownMachine } from "./scope.js";

// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
/** A customer managed key: the role decrypts and makes data keys with it, for this state machine only. */
export function encryptionStatements(workflow: WorkflowNode, scope: ArnScope): readonly IamStatement[] {
  if (!workflow.encryption) return [];
  return [
    {
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [scope.keyArn(workflow.encryption.kmsKey)],
      condition: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": ownMachine(scope) } },
    },
  ];
}
