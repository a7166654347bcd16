import { dynamicValueError } from "../syntax/intrinsic.js";
import { jsonPathError } from "../syntax/jsonpath.js";
import { expressionsOf } from "./expressions.js";
import { type Rule, statesOf } from "./rule.js";

/** Every JSONPath, ResultPath and `.$` value (paths and intrinsic calls) parses as AWS parses it. */
export const jsonPathSyntax: Rule = {
  code: "SW2011",
  name: "jsonpath-syntax",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) =>
      expressionsOf(state).flatMap((e) => {
        const problem =
          e.kind === "path" ? jsonPathError(e.text) : e.kind === "reference" ? jsonPathError(e.text, { reference: true }) : e.kind === "dynamic" ? dynamicValueError(e.text) : undefined;
        return problem ? [{ state, message: `Step "${state.name}", ${e.field}: ${JSON.stringify(e.text)} is not valid: ${problem}.` }] : [];
      }),
    );
  },
};
