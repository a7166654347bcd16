import { type Finding, type Rule, statesOf } from "./rule.js";

/** Every string and key inside a value, except nested graphs (their states are visited on their own). */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "source" || key === "branches" || key === "itemProcessor") continue;
      yield key;
      yield* stringsOf(item);
    }
  }
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
    if (workflow.comment && workflow.comment !== workflow.comment.normalize("NFC")) report(workflow.comment, `Workflow "${workflow.name}"`);
    for (const { state } of statesOf(workflow)) {
      const bad = [...stringsOf(state)].find((s) => s !== s.normalize("NFC"));
      if (bad !== undefined) report(bad, `Step "${state.name}"`, state);
    }
    return findings;
  },
};
