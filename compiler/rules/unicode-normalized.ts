import { type Finding, type Rule, statesOf } from "./rule.js";
import { firstText } from "./texts.js";

/** ASCII is NFC whatever it says; only other text needs normalizing to be compared. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const ascii = /^[\x00-\x7f]*$/;
const notNfc = (text: string) => !ascii.test(text) && text !== text.normalize("NFC");

const firstNotNfc = (value: unknown) => firstText(value, notNfc);

/**
 * Terraform (like all of HCL) normalizes every string to Unicode NFC, so a string that is not in
 * NFC would deploy as different text than the ASL says (a Choice comparing it would stop matching).
 */
export const unicodeNormalized: Rule = {
  code: "SW2015",
  name: "unicode-normalized",
  check({ workflow }) {
    const findings: Finding[] = [];
    const report = (text: string, where: string, state?: Finding["state"]) => {
      const normalized = text.normalize("NFC");
      findings.push({
        ...(state ? { state } : {}),
        message: `${where} has the text ${JSON.stringify(text)}, which is not in Unicode NFC; Terraform would deploy it as ${JSON.stringify(normalized)}. Write the normalized form.`,
      });
    };
    if (workflow.comment && notNfc(workflow.comment)) report(workflow.comment, `Workflow "${workflow.name}"`);
    for (const { state } of statesOf(workflow)) {
      const bad = firstNotNfc(state);
      if (bad !== undefined) report(bad, `Step "${state.name}"`, state);
    }
    return findings;
  },
};
