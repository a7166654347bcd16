import type { AliasNode } from "../../src/ir/workflow.js";
import type { Rule } from "./rule.js";

/** What AWS takes as an alias's name: 1 to 80 of letters, digits, `-`, `_` and `.`, not all digits (those name versions). */
const aliasName = /^(?=.*[A-Za-z_.-])[A-Za-z0-9_.-]{1,80}$/;

/** Why AWS would refuse one alias (CreateStateMachineAlias), or nothing. */
function refusal(alias: AliasNode, published: boolean): string | undefined {
  const { name, routing } = alias;
  if (!aliasName.test(name))
    return `its name is not 1 to 80 of A-Z, a-z, 0-9, "-", "_" and "." with one that is not a digit (an integer names a version)`;
  if (routing.length === 0 || routing.length > 2) return `it routes to ${routing.length} versions: an alias routes to one or two`;
  const weights = routing.map((r) => r.weight);
  if (weights.some((w) => !Number.isInteger(w) || w < 0 || w > 100))
    return `its weights (${weights.join(", ")}) are not whole percentages from 0 to 100`;
  const total = weights.reduce((a, b) => a + b, 0);
  if (total !== 100) return `its weights add up to ${total}, not 100`;
  const versions = routing.map((r) => JSON.stringify(r.version));
  if (new Set(versions).size < versions.length) return "it routes to the same version twice";
  if (!published && routing.some((r) => r.version.kind === "published"))
    return "it routes to the published version, but the workflow publishes none: set `publish: true`";
  if (alias.description !== undefined && [...alias.description].length > 256) return "its description is longer than 256 characters";
  return undefined;
}

/**
 * A workflow's aliases, as AWS's CreateStateMachineAlias takes them
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html):
 * a name that cannot be read as a version number, one or two versions whose weights add up to
 * 100, and a version to route to (the one this deploy publishes needs `publish: true`).
 */
export const aliases: Rule = {
  code: "SW2022",
  name: "aliases",
  check({ workflow }) {
    return (workflow.aliases ?? []).flatMap((alias) => {
      const why = refusal(alias, workflow.publish === true);
      return why
        ? [{ message: `Alias ${JSON.stringify(alias.name)} of workflow ${JSON.stringify(workflow.name)} cannot be deployed: ${why}.` }]
        : [];
    });
  },
};
