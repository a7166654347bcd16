import { type Finding, type Rule, statesOf } from "./rule.js";
import { firstText } from "./texts.js";
import { loneSurrogate } from "../base/unicode.js";

/**
 * Text that is not well-formed Unicode (a lone surrogate, such as "\uD800" from a JavaScript string
 * cut in half) cannot be written in UTF-8: Terraform rejects the module ("Cannot encode character
 * in UTF-8"), and AWS reads definitions as UTF-8 text.
 */
export const wellFormedText: Rule = {
  code: "SW2021",
  name: "well-formed-text",
  check({ workflow }) {
    const findings: Finding[] = [];
    const report = (text: string, where: string, state?: Finding["state"]) => {
      const at = loneSurrogate.exec(text)!;
      const code = at[0].charCodeAt(0).toString(16).toUpperCase();
      findings.push({
        ...(state ? { state } : {}),
        message: `${where} has the text ${JSON.stringify(text)}, which holds a lone surrogate (U+${code}) at ${at.index}: no UTF-8 text, so neither Terraform nor AWS, can hold it. Remove it, or pair it.`,
      });
    };
    const bad = (text: string) => loneSurrogate.test(text);
    if (workflow.comment && bad(workflow.comment)) report(workflow.comment, `Workflow "${workflow.name}"`);
    for (const { state } of statesOf(workflow)) {
      const found = firstText(state, bad);
      if (found !== undefined) report(found, `Step "${state.name}"`, state);
    }
    return findings;
  },
};
