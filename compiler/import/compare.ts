import { isDeepStrictEqual } from "node:util";
import { isJsonObject, type JsonValue } from "../../src/ir/json.js";
import type { Patch } from "./steps/context.js";

type Json = Record<string, JsonValue>;

/** What the generated code gets wrong: fields `.asl` can set back, and differences it cannot mend. */
export interface Differences {
  readonly patches: Map<string, Patch>;
  readonly problems: { readonly state?: string; readonly message: string }[];
}

/** Fields that shape the graph: the builder calls must give them right; `.asl` cannot. */
const structural = new Set(["Type", "Next", "End", "Default", "Branches", "ItemProcessor", "Iterator"]);

function compareStates(name: string, built: Json, original: Json, into: Differences): void {
  const patch: Record<string, JsonValue> = {};
  for (const key of new Set([...Object.keys(built), ...Object.keys(original)])) {
    if (
      key === "Branches" &&
      Array.isArray(built.Branches) &&
      Array.isArray(original.Branches) &&
      built.Branches.length === original.Branches.length
    ) {
      for (const [i, b] of built.Branches.entries()) compareGraphs(b as Json, (original.Branches as JsonValue[])[i] as Json, into);
      continue;
    }
    if ((key === "ItemProcessor" || key === "Iterator") && isJsonObject(built[key]) && isJsonObject(original[key])) {
      compareGraphs(built[key], original[key], into, name);
      continue;
    }
    if (isDeepStrictEqual(built[key], original[key])) continue;
    if (key in original && !structural.has(key)) patch[key] = original[key]!;
    else
      into.problems.push({
        state: name,
        message: `"${name}": the builder calls write ${key} ${key in built ? JSON.stringify(built[key]) : "(none)"}, the definition ${key in original ? JSON.stringify(original[key]) : "(none)"}.`,
      });
  }
  if (Object.keys(patch).length > 0) into.patches.set(name, patch);
}

function compareGraphs(built: Json, original: Json, into: Differences, owner?: string): void {
  for (const key of new Set([...Object.keys(built), ...Object.keys(original)])) {
    if (key === "States" || isDeepStrictEqual(built[key], original[key])) continue;
    into.problems.push({
      ...(owner ? { state: owner } : {}),
      message: `${owner ? `"${owner}": its item processor's` : "The workflow's"} ${key} is written ${JSON.stringify(built[key])}, the definition has ${JSON.stringify(original[key])}.`,
    });
  }
  const builtStates = isJsonObject(built.States) ? built.States : {};
  const originalStates = isJsonObject(original.States) ? original.States : {};
  for (const [name, state] of Object.entries(originalStates)) {
    const mine = builtStates[name];
    if (!isJsonObject(mine)) into.problems.push({ state: name, message: `"${name}" is missing from what the builder calls write.` });
    else compareStates(name, mine, state as Json, into);
  }
  for (const name of Object.keys(builtStates))
    if (!(name in originalStates))
      into.problems.push({ state: name, message: `The builder calls write a state "${name}" the definition does not have.` });
}

/** Compares the ASL the generated code builds with the definition it was generated from. */
export function compareDefinitions(built: Json, original: Json): Differences {
  const into: Differences = { patches: new Map(), problems: [] };
  compareGraphs(built, original, into);
  return into;
}
