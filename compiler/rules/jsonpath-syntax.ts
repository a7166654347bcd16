import { dynamicValueError } from "../syntax/intrinsic.js";
import { jsonPathError } from "../syntax/jsonpath.js";
import { expressionsOf } from "./expressions.js";
import { type Rule, statesOf } from "./rule.js";

/** The intrinsics a Fail state's ErrorPath and CausePath may call: those that give a string (AWS's Fail state reference). */
const textIntrinsics = [
  "States.Format",
  "States.JsonToString",
  "States.ArrayGetItem",
  "States.Base64Encode",
  "States.Base64Decode",
  "States.Hash",
  "States.UUID",
];

function textPathError(field: string, text: string): string | undefined {
  if (field !== "ErrorPath" && field !== "CausePath") return undefined;
  const call = /^\s*(States\.\w+)\s*\(/.exec(text)?.[1];
  return call && !textIntrinsics.includes(call)
    ? `${field} takes a path or an intrinsic that gives a string (${textIntrinsics.join(", ")}), not ${call}`
    : undefined;
}

/** Every JSONPath, ResultPath and `.$` value (paths and intrinsic calls) parses as AWS parses it. */
export const jsonPathSyntax: Rule = {
  code: "SW2011",
  name: "jsonpath-syntax",
  check({ workflow }) {
    return statesOf(workflow).flatMap(({ state }) =>
      expressionsOf(state).flatMap((e) => {
        const problem =
          e.kind === "path"
            ? jsonPathError(e.text)
            : e.kind === "reference"
              ? jsonPathError(e.text, { reference: true })
              : e.kind === "dynamic"
                ? (dynamicValueError(e.text) ?? textPathError(e.field, e.text))
                : undefined;
        return problem ? [{ state, message: `Step "${state.name}", ${e.field}: ${JSON.stringify(e.text)} is not valid: ${problem}.` }] : [];
      }),
    );
  },
};
