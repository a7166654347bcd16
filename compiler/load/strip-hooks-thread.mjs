// The stripping hooks of strip-hooks.ts in a hooks thread of their own (module.register), for a Node
// whose module hooks cannot run in the importing thread (before 22.15). oxc-transform is imported,
// not required (Node 22.12 warns when require() loads an ES module), before module.register
// returns: where its binary does not load, module.register throws why.
import { loadStrippedOffThread, resolveStrippedOffThread } from "./strip-hooks.js";
import { stripperOf } from "./strip-types.js";

const strip = stripperOf(await import("oxc-transform"));
/** @type {import("node:module").ResolveHook} */
let resolveHook;
/** @type {import("node:module").LoadHook} */
let loadHook;

/** @param {{ unversioned: readonly string[] }} data */
export function initialize({ unversioned }) {
  resolveHook = resolveStrippedOffThread(unversioned);
  loadHook = loadStrippedOffThread(strip);
}

/** @type {import("node:module").ResolveHook} */
export const resolve = (specifier, context, next) => resolveHook(specifier, context, next);
/** @type {import("node:module").LoadHook} */
export const load = (url, context, next) => loadHook(url, context, next);
