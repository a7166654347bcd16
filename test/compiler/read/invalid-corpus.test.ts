/**
 * ../shared/corpus/invalid holds 99 definitions others wrote wrong on purpose, each with what is
 * wrong. Read as a user's ASL, each gets a diagnostic: it does not parse, the reader refuses it
 * (AslReadError naming the path), or a rule reports it. Where no rule covers the mistake yet, it is
 * listed below with what is missing, so the gap is visible and shrinks: the list must be exact.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkWorkflow } from "../../../compiler/check.ts";
import { readAsl } from "../../../compiler/read/asl.ts";
import { root } from "../../support/compile.ts";

const corpus = join(root, "../shared/corpus/invalid");
const manifest = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t")[0]!);

/** Mistakes Stepwright does not report yet, and what would report them. */
const notYetReported: Readonly<Record<string, string>> = {
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentInvalidFailWithAssign.json":
    "Assign on a Fail state: the reader keeps Assign on every kind",
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentInvalidSuccessWithAssign.json":
    "Assign on a Succeed state: the reader keeps Assign on every kind",
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentMapResultWriterMissingOutputType.json":
    "WriterConfig without OutputType: no rule on WriterConfig",
  "asl-validator/src____tests____definitions__invalid-dupe-fields.asl.json": "duplicate JSON keys: JSON.parse keeps the last one",
  "asl-validator/src____tests____definitions__invalid-duplicate-fields-nested.json": "duplicate JSON keys: JSON.parse keeps the last one",
  "asl-validator/src____tests____definitions__invalid-duplicate-fields.json": "duplicate JSON keys: JSON.parse keeps the last one",
  "asl-validator/src____tests____definitions__invalid-json-surround-syntax-extra-spaces.json":
    "a {% %} expression in a JSONPath state: SW2011 checks paths, not misplaced JSONata",
  "asl-validator/src____tests____definitions__invalid-jsonata-fields.json":
    "JSONPath-only fields in a JSONata state (the builder's SW2101 does not run on read ASL)",
  "asl-validator/src____tests____definitions__invalid-jsonata-path-fields.asl.json":
    "JSONPath-only fields in a JSONata state (the builder's SW2101 does not run on read ASL)",
  "asl-validator/src____tests____definitions__invalid-jsonata-surround-syntax-no-close.json":
    "a JSONata field that is not a {% %} expression: SW2012 checks only what is one",
  "asl-validator/src____tests____definitions__invalid-jsonata-surround-syntax-no-open.json":
    "a JSONata field that is not a {% %} expression: SW2012 checks only what is one",
  "asl-validator/src____tests____definitions__invalid-jsonata-surround-syntax-no-spaces.json":
    "a JSONata field that is not a {% %} expression: SW2012 checks only what is one",
  "asl-validator/src____tests____definitions__invalid-map-distributed.asl.json":
    "ReaderConfig MaxItems with MaxItemsPath: SW2018 does not cover ReaderConfig",
  "asl-validator/src____tests____definitions__invalid-map-item-batcher-dupe-subfields.json":
    "ItemBatcher value with its path form: SW2018 does not cover ItemBatcher",
  "asl-validator/src____tests____definitions__invalid-map-items.asl.json":
    "Items (JSONata) in a JSONPath Map: no query-language rule on read ASL",
  "asl-validator/src____tests____definitions__invalid-math-add.json":
    "States.MathAdd with the wrong number of arguments: SW2011 checks intrinsic syntax, not arity",
  "asl-validator/src____tests____definitions__invalid-task-alias-function.json":
    "a Lambda ARN with an invalid alias: SW2019 checks the ARN's shape only",
  "asl-validator/src____tests____definitions__invalid-variable-result-path.json": "a $variable as ResultPath: SW2011 accepts it",
};

function verdict(file: string): string {
  let definition: unknown;
  try {
    definition = JSON.parse(readFileSync(join(corpus, file), "utf8"));
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  try {
    const findings = checkWorkflow(readAsl(definition), JSON.stringify(definition)).filter((d) => d.severity === "error");
    return findings.length > 0 ? findings.map((f) => `${f.code} ${f.message}`).join("; ") : "";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("the invalid corpus, read as a user's ASL", () => {
  const verdicts = manifest.map((file) => [file, verdict(file)] as const);

  test("all 99 definitions are read", () => {
    expect(verdicts).toHaveLength(99);
  });

  test("every definition gets a diagnostic, except the listed gaps: exactly those", () => {
    const silent = verdicts
      .filter(([, v]) => v === "")
      .map(([file]) => file)
      .sort();
    expect(silent).toEqual(Object.keys(notYetReported).sort());
  });

  test("a reader's refusal names the path of what it refused", () => {
    const refused = verdicts.filter(([, v]) => v.startsWith("AslReadError"));
    expect(refused.length).toBeGreaterThan(0);
    for (const [, v] of refused) expect(v).toMatch(/^AslReadError: \$/);
  });
});
