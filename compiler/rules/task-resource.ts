import { type Rule, statesOf } from "./rule.js";

/** ASL: a Task's Resource is an ARN (a Terraform or CloudFormation placeholder, `${...}`, stands for one). */
export const taskResource: Rule = {
  code: "SW2019",
  name: "task-resource",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) => {
      if (state.kind !== "Task" || state.resource.kind !== "arn") return [];
      const { arn } = state.resource;
      // A placeholder (`${AWS::Region}`, `${lambda_arn}`) stands for any part, colons and all.
      const shape = arn.replace(/\$\{[^}]*\}/g, "x");
      if (/^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$/.test(shape) || shape === "x") return [];
      return [{ state, message: `Task "${state.name}" has Resource ${JSON.stringify(arn)}, which is not an ARN.` }];
    });
  },
};
