import { type Rule, statesOf } from "./rule.js";

const maxLength = 80;

// Control characters (U+0000–U+001F, U+007F–U+009F) and line separators (U+2028, U+2029) are
// refused in names (asl-validator's schema refuses them too).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rule finds
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** ASL: a state name is at most 80 characters, none of them a control character. */
export const stateNameLength: Rule = {
  code: "SW2002",
  name: "state-name-length",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) => {
      if ([...state.name].length > maxLength)
        return [
          { state, message: `State name "${state.name}" is ${[...state.name].length} characters long; AWS allows at most ${maxLength}.` },
        ];
      if (control.test(state.name))
        return [
          {
            state,
            message: `State name ${JSON.stringify(state.name)} contains a control character or line separator (${JSON.stringify(control.exec(state.name)![0])}); AWS does not allow them in names.`,
          },
        ];
      return [];
    });
  },
};
