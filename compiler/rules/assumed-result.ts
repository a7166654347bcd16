import { descriptorOf } from "../../src/integrations/registry.js";
import { type Rule, statesOf } from "./rule.js";

/**
 * A Task that assumes a result field AWS may leave out (`dynamodb.getItem(table, { assumeFound: true })`):
 * a warning, since the workflow runs where the assumption holds and fails where it does not.
 */
export const assumedResult: Rule = {
  code: "SW2020",
  name: "assumed-result",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) => {
      if (state.kind !== "Task" || !state.assumed || state.resource.kind !== "integration") return [];
      const descriptor = descriptorOf(state.resource);
      return state.assumed.flatMap((field) => {
        const when = descriptor?.resultMayLack?.[field];
        if (!descriptor || when === undefined) return [];
        return [
          {
            state,
            message: `Task "${state.name}" assumes ${descriptor.action}'s result has ${field}, which ${descriptor.action} leaves out ${when}: a step reading it then fails with States.Runtime. Test it with a Choice (.isPresent()) and drop the assumption, or catch States.Runtime.`,
          },
        ];
      });
    });
  },
};
