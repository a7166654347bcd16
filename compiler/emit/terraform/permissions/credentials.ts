import { anyResource, type IamStatement } from "../../../../src/integrations/descriptor.js";
import type { TaskNode } from "../../../../src/ir/task.js";

/** A Task that calls its integration as another role must be allowed to assume it (as CDK grants). */
export function credentialsStatements(task: TaskNode): readonly IamStatement[] {
  const role = task.credentials?.roleArn;
  if (!task.credentials) return [];
  if (role && !role.startsWith("{%")) return [{ actions: ["sts:AssumeRole"], resources: [role] }];
  return [anyResource("the role to assume is chosen at run time", "sts:AssumeRole")];
}
