import { type Rule, statesOf } from "./rule.js";

/** ASL: a Choice state has at least one rule in `Choices`. */
export const choiceHasRules: Rule = {
  code: "SW2005",
  name: "choice-has-rules",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) =>
      state.kind === "Choice" && state.choices.length === 0
        ? [
            {
              state,
              message: `Choice "${state.name}" has no rules; add at least one .when(condition, next) (a Choice with only a default is a Pass).`,
            },
          ]
        : [],
    );
  },
};
