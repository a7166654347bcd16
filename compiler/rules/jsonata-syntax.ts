import { createRequire } from "node:module";
import { expressionsOf } from "./expressions.js";
import { type Rule, statesOf } from "./rule.js";

// The parser loads on the first JSONata expression: most workflows have none, and it costs a start-up.
let parser: ((expression: string) => unknown) | undefined;

/** What the JSONata parser says about an expression, or undefined when it parses. */
function jsonataError(expression: string): string | undefined {
  parser ??= createRequire(import.meta.url)("jsonata") as (expression: string) => unknown;
  try {
    parser(expression);
    return undefined;
  } catch (error) {
    const e = error as { message?: string; position?: number };
    return `${e.message ?? String(error)}${e.position !== undefined ? ` (at character ${e.position})` : ""}`;
  }
}

/** Every `{% %}` expression parses as JSONata. */
export const jsonataSyntax: Rule = {
  code: "SW2012",
  name: "jsonata-syntax",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) =>
      expressionsOf(state)
        .filter((e) => e.kind === "jsonata")
        .flatMap((e) => {
          const problem = jsonataError(e.text.slice(2, -2));
          return problem
            ? [{ state, message: `Step "${state.name}", ${e.field}: ${JSON.stringify(e.text)} is not valid JSONata: ${problem}.` }]
            : [];
        }),
    );
  },
};
