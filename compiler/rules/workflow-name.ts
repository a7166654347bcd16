import type { Rule } from "./rule.js";

/** The module's shared files: a workflow of the same name would overwrite one with its own `.tf`. */
export const sharedFileNames: readonly string[] = ["data", "outputs", "variables", "versions"];

/** What AWS takes as a state machine's name (see the rule below). */
export const workflowNamePattern = /^[A-Za-z0-9_-]{1,80}$/;

/** A name AWS takes made from any text (a file's, a Terraform resource's): runs of other characters become `-`. */
export function workflowNameFrom(text: string): string | undefined {
  const name = text
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return name === "" ? undefined : name;
}

/**
 * A workflow's name becomes its state machine's name, its role's and log group's, and the names of
 * its output files: 1 to 80 of A–Z, a–z, 0–9, `-` and `_` (what AWS requires for a state machine that
 * logs to CloudWatch, and what Terraform's AWS provider enforces). Reported at the `workflow(...)` call.
 */
export const workflowName: Rule = {
  code: "SW2016",
  name: "workflow-name",
  check({ workflow }) {
    const { name } = workflow;
    if (sharedFileNames.includes(name)) {
      return [
        {
          message: `Workflow name ${JSON.stringify(name)} is taken: its Terraform would overwrite the module's shared ${name}.tf. Choose another name.`,
        },
      ];
    }
    if (workflowNamePattern.test(name)) return [];
    const why =
      name.length === 0
        ? "it is empty"
        : [...name].length > 80
          ? `it is ${[...name].length} characters long (at most 80)`
          : `it contains ${[...new Set([...name].filter((c) => !/[A-Za-z0-9_-]/.test(c)))].map((c) => JSON.stringify(c)).join(", ")}`;
    return [
      {
        message: `Workflow name ${JSON.stringify(name)} cannot be deployed: ${why}. AWS state machine names are 1 to 80 of A-Z, a-z, 0-9, "-" and "_".`,
      },
    ];
  },
};
