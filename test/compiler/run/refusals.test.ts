/**
 * Each row of the README's table of what local runs refuse: the run is refused before it starts,
 * naming the feature, rather than answered as AWS would not answer.
 */
import { describe, expect, test } from "vitest";
import { map, pass, States, variable, workflow } from "stepwright";
import { runLocally } from "../../../compiler/run/local.ts";
import { UnsupportedFeatureError } from "../../../compiler/run/unsupported.ts";
import { aslOf } from "../../support/oracles.ts";

const refusal = async (w: Parameters<typeof aslOf>[0]) => {
  const error = await runLocally(aslOf(w), {}).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UnsupportedFeatureError);
  return (error as UnsupportedFeatureError).features;
};

describe("what a local run refuses, and says so", () => {
  test("JSONata", async () => {
    expect(await refusal(workflow("w", { queryLanguage: "JSONata", definition: pass("P") }))).toEqual(["JSONata (QueryLanguage: JSONata)"]);
  });

  test("workflow variables: Assign, and a $name read", async () => {
    expect(await refusal(workflow("w", { definition: pass("P").assign(() => ({ total: 1 })) }))).toEqual(["workflow variables (Assign)"]);
    const reads = pass<{ a: number }>("P").parameters(() => ({ seen: variable<number>("total") }));
    expect(await refusal(workflow("w", { definition: reads }))).toEqual(["workflow variables ($name)"]);
  });

  test("Distributed Map ItemReader, ItemBatcher and ResultWriter", async () => {
    const distributed = map("Rows", {
      mode: "DISTRIBUTED",
      executionType: "EXPRESS",
      itemReader: { action: "getObject", parameters: { Bucket: "b", Key: "k.json" }, readerConfig: { inputType: "JSON" } },
      itemBatcher: { maxItemsPerBatch: 10 },
      resultWriter: { parameters: { Bucket: "b", Prefix: "out" } },
    }).process(pass("P"));
    expect(await refusal(workflow("w", { definition: distributed }))).toEqual([
      "Distributed Map batching (ItemBatcher)",
      "Distributed Map item readers (ItemReader)",
      "Distributed Map result writers (ResultWriter)",
    ]);
  });

  test("States.Base64Encode and States.Base64Decode", async () => {
    const encode = pass<{ text: string }>("P").parameters(($) => ({ encoded: States.Base64Encode($.text) }));
    expect(await refusal(workflow("w", { definition: encode }))).toEqual(["the States.Base64Encode/Base64Decode intrinsics"]);
    const decode = pass<{ text: string }>("P").parameters(($) => ({ decoded: States.Base64Decode($.text) }));
    expect(await refusal(workflow("w", { definition: decode }))).toEqual(["the States.Base64Encode/Base64Decode intrinsics"]);
  });
});
