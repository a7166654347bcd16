/**
 * Import writes TypeScript: any text a definition holds (state names, comments, Pass results,
 * errors and causes, keys) must come back byte for byte when the module is built. Random
 * definitions, imported, compiled together in one project, each built back to itself.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { expect, test } from "vitest";
import { compile } from "../../../compiler/index.ts";
import { importModule } from "../../../compiler/import/module.ts";
import { tempProject } from "../../support/temp-project.ts";

// Text with what TypeScript strings, comments and templates treat specially, and any Unicode
// (well-formed, in NFC, as the rules require of a definition that builds).
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("`", "${", "*/", "/*", "//", "\\", '"', "'", "\n", "\u2028", "\u0000", "__proto__", "constructor", "é", "😀"),
      fc.string({ unit: "grapheme", maxLength: 2 }),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .filter((s) => s === s.normalize("NFC"));
const name = text.map((s) => s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, "_").slice(0, 60)).filter((s) => s.trim() !== "");

const definitionOf = (stateName: string, comment: string, key: string, value: string, error: string, cause: string) => ({
  Comment: comment,
  StartAt: stateName,
  States: {
    [stateName]: {
      Type: "Pass",
      Comment: comment,
      Result: { [key]: value, list: [value, comment] },
      ResultPath: "$.r",
      Next: `${stateName} failed`,
    },
    [`${stateName} failed`]: { Type: "Fail", Error: error, Cause: cause },
  },
});

test("random text in a definition: the imported module builds back to the very definition", async () => {
  const definitions = fc
    .sample(fc.tuple(name, text, text, text, text, text), { numRuns: 40, seed: 4242 })
    .map((args) => definitionOf(...args));
  const modules: Record<string, string> = {};
  definitions.forEach((definition, i) => {
    const { text: module } = importModule([{ name: `w${i}`, definition, origin: `w${i}.json` }]);
    expect(module, JSON.stringify(definition)).toBeDefined();
    modules[`src/w${i}.ts`] = module!;
  });
  const project = tempProject(modules);
  const { workflows, diagnostics } = await compile({ cwd: project, files: Object.keys(modules), checkOnly: true });
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
  const built = new Map(workflows.map((w) => [w.name, w.asl]));
  const differing = definitions.flatMap((definition, i) =>
    isDeepStrictEqual(built.get(`w${i}`), definition) ? [] : [{ definition, built: built.get(`w${i}`) }],
  );
  expect(differing).toEqual([]);
}, 900_000);
