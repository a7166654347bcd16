import { type Rule, statesOf } from "./rule.js";

const maxLength = 80;

/** ASL: a state name is at most 80 characters. */
export const stateNameLength: Rule = {
  code: "SW2002",
  name: "state-name-length",
  check({ workflow }) {
    return statesOf(workflow)
      .filter(({ state }) => [...state.name].length > maxLength)
      .map(({ state }) => ({ state, message: `State name "${state.name}" is ${[...state.name].length} characters long; AWS allows at most ${maxLength}.` }));
  },
};
