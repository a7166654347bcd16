/**
 * The .asl.json files are Prettier-formatted: the printer Stepwright uses gives Prettier's bytes,
 * checked against Prettier itself (the oracle) on every real definition and on random documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { format } from "prettier";
import { formatAsl } from "../../../../compiler/emit/asl/format.ts";
import { root } from "../../../support/compile.ts";

/** The oracle: Prettier itself (its full package, not Stepwright's use of it), JSON at 100 columns as the README says. */
const prettierJson = (text: string) => format(text, { parser: "json", printWidth: 100 });

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

describe("ASL formatting", () => {
  test("every definition of the corpus is printed byte for byte as Prettier prints it", async () => {
    const documents = jsonFiles(join(root, "../shared/corpus")).flatMap((file) => {
      try {
        return [JSON.parse(readFileSync(file, "utf8")) as unknown];
      } catch {
        return []; // the invalid corpus holds some text that is not JSON at all
      }
    });
    expect(documents.length).toBeGreaterThan(400);
    for (const document of documents) expect(await formatAsl(document)).toBe(await prettierJson(JSON.stringify(document)));
  });

  test("random documents, deep and wide, long and short strings: the same bytes as Prettier", async () => {
    const key = fc.oneof(
      fc.constantFrom("Type", "Next", "Resource", "States", "ErrorEquals", "Parameters", "a", "b.$"),
      fc.string({ maxLength: 30 }),
    );
    const scalar = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ unit: "grapheme", maxLength: 20 }),
    );
    const { json } = fc.letrec((tie) => ({
      json: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
      array: fc.array(tie("json"), { maxLength: 6 }),
      object: fc.dictionary(key, tie("json"), { maxKeys: 6 }),
    }));
    await fc.assert(
      fc.asyncProperty(json, async (document) => {
        expect(await formatAsl(document)).toBe(await prettierJson(JSON.stringify(document)));
      }),
      { numRuns: 300 },
    );
  });

  test("an object that fits stays on one line; one that does not, or that holds a list of objects, breaks", async () => {
    expect(await formatAsl({ Next: "A", End: true })).toBe('{ "Next": "A", "End": true }\n');
    expect(
      await formatAsl({
        Retry: [
          { ErrorEquals: ["X"], MaxAttempts: 2 },
          { ErrorEquals: ["Y"], MaxAttempts: 3 },
        ],
      }),
    ).toBe('{\n  "Retry": [\n    { "ErrorEquals": ["X"], "MaxAttempts": 2 },\n    { "ErrorEquals": ["Y"], "MaxAttempts": 3 }\n  ]\n}\n');
  });
});
