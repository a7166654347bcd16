import { type Finding, type Rule, statesOf } from "./rule.js";

/** ASCII is NFC whatever it says; only other text needs normalizing to be compared. */
const ascii = /^[\x00-\x7f]*$/;
const notNfc = (text: string) => !ascii.test(text) && text !== text.normalize("NFC");

/** The first string or key inside a value that is not in NFC, except in nested graphs (their states are visited on their own). */
function firstNotNfc(value: unknown): string | undefined {
  if (typeof value === "string") return notNfc(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstNotNfc(item);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object") {
    for (const key in value) {
      if (key === "source" || key === "branches" || key === "itemProcessor") continue;
      const found = notNfc(key) ? key : firstNotNfc((value as Record<string, unknown>)[key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

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
