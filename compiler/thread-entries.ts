/**
 * The files Stepwright's threads start from, found beside this module, in compiler/: the same in
 * the sources, in dist/, and in the published CLI's bundle, which sits in dist/compiler/ too (a
 * module in a subfolder would find them elsewhere once bundled).
 */
export const threadEntries = {
  /** The thread that evaluates the user's workflow modules (module-loader.ts). */
  loading: new URL("./load-thread.mjs", import.meta.url),
  /** The JavaScript type checker's thread (typeflow/checker.ts). */
  typeCheck: new URL("./typeflow/thread.mjs", import.meta.url),
} as const;
