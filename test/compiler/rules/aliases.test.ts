import { describe, expect, test } from "vitest";
import { pass, workflow } from "stepwright";
import { aliases } from "../../../compiler/rules/aliases.ts";
import type { AliasSettings } from "../../../src/lower/workflow.ts";
import { expectFixture, findings } from "../../support/compile.ts";

const stable = "arn:aws:states:us-east-1:123456789012:stateMachine:orders:3";
const published = (settings: Readonly<Record<string, AliasSettings>>, publish = true) =>
  findings(aliases, workflow("orders", { definition: pass("P"), publish, aliases: settings }));

describe("SW2022 aliases", () => {
  test("an alias on the published version of a workflow that publishes none is reported at the workflow", async () => {
    await expectFixture("rules/aliases.ts", {
      code: "SW2022",
      line: 4,
      column: 28,
      message:
        'Alias "live" of workflow "unpublished" cannot be deployed: it routes to the published version, but the workflow publishes none: set `publish: true`.',
    });
  });

  test.each([
    ["a name of digits only (it names a version)", { "7": {} }, "its name is not 1 to 80 of"],
    ["a name with a space", { "go live": {} }, "its name is not 1 to 80 of"],
    [
      "three versions",
      { live: { routing: [0, 1, 2].map((v) => ({ version: `${stable}${v}`, weight: v === 0 ? 100 : 0 })) } },
      "routes to 3 versions",
    ],
    ["no version", { live: { routing: [] } }, "routes to 0 versions"],
    [
      "weights that add up to 110",
      {
        live: {
          routing: [
            { version: "published", weight: 20 },
            { version: stable, weight: 90 },
          ],
        },
      },
      "add up to 110",
    ],
    [
      "a fraction of a percent",
      {
        live: {
          routing: [
            { version: "published", weight: 10.5 },
            { version: stable, weight: 89.5 },
          ],
        },
      },
      "not whole percentages",
    ],
    [
      "the same version twice",
      {
        live: {
          routing: [
            { version: stable, weight: 50 },
            { version: stable, weight: 50 },
          ],
        },
      },
      "same version twice",
    ],
    ["a description longer than 256 characters", { live: { description: "x".repeat(257) } }, "longer than 256"],
  ] as const)("refused: %s", (_, settings, why) => {
    const found = published(settings as Readonly<Record<string, AliasSettings>>);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(why);
  });

  test("accepted: the published version alone, a split with a version by ARN, names with - _ . and digits", () => {
    expect(
      published({
        live: {},
        "v2.canary_1-b": {
          routing: [
            { version: "published", weight: 5 },
            { version: stable, weight: 95 },
          ],
        },
      }),
    ).toEqual([]);
    // A version by ARN needs no publishing.
    expect(published({ pinned: { routing: [{ version: stable, weight: 100 }] } }, false)).toEqual([]);
  });
});
