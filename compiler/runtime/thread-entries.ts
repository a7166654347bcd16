/**
 * The files Stepwright's threads start from, found from this module, in compiler/runtime/: the same
 * in the sources, in dist/, and in the published CLI's bundle, which sits in dist/compiler/runtime/
 * too (scripts/bundle.mjs), so the relative URLs below hold in all three.
 */
export const threadEntries = {
  /** The thread that evaluates the user's workflow modules (load/module-loader.ts). */
  loading: new URL("../load/load-thread.mjs", import.meta.url),
  /** The JavaScript type checker's thread (typeflow/checker.ts). */
  typeCheck: new URL("../typeflow/thread.mjs", import.meta.url),
} as const;
