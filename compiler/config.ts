import { existsSync, readFileSync } from "node:fs";
import nodeModule from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { StepwrightConfig } from "../src/config.js";
import { type Diagnostic, diagnostic, errorLine, loadCodes } from "./base/diagnostic.js";
import { findTsconfig } from "./typeflow/find-tsconfig.js";

export const configFileName = "stepwright.config.ts";

/** Where `key` is written in the config file, so a bad value points at its line. */
function positionOf(file: string, key: string | number | symbol | undefined): { line: number; column: number } {
  if (typeof key !== "string") return { line: 1, column: 1 };
  const lines = readFileSync(file, "utf8").split("\n");
  const pattern = new RegExp(`["']?\\b${key}\\b["']?\\s*:`);
  for (let i = 0; i < lines.length; i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match.index + 1 };
  }
  return { line: 1, column: 1 };
}

let loads = 0;

/** The promise's value, or an error saying `why` once `ms` have passed (the timer does not keep the process alive). */
function withTimeout<T>(promise: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why)), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Before Node 22.15: the config's exports, loaded by require in this thread with its types stripped
 * by oxc-transform (load/require-stripped.ts), where its binary loads and no hooks of the user's must
 * see the module; nothing where it cannot be loaded so before any of it ran (tsx loads it then).
 * Module hooks there would need a hooks thread, which cannot be taken back after the import (a
 * program calling compile() keeps its own loader).
 */
async function requiredConfig(file: string): Promise<Record<string, unknown> | undefined> {
  if (typeof nodeModule.registerHooks === "function") return undefined;
  const load = await (await import("./load/require-stripped.js")).loaderByRequire();
  if (typeof load !== "function") return undefined;
  const required = load(file);
  return "exports" in required ? required.exports : undefined;
}

/** oxc-transform's stripping hooks in this thread, where its binary loads and this Node runs hooks in the importing thread (22.15 on). */
async function oxcHooks(): Promise<{ deregister(): void } | undefined> {
  if (typeof nodeModule.registerHooks !== "function") return undefined;
  const [{ loadStripped }, { oxcStripper }] = await Promise.all([import("./load/strip-hooks.js"), import("./load/strip-types.js")]);
  const oxc = oxcStripper();
  return "unavailable" in oxc ? undefined : nodeModule.registerHooks({ load: loadStripped(oxc) });
}

/**
 * The config module's default export: loaded by type stripping where the nearest tsconfig and this
 * Node allow it (as the workflow modules are: by oxc-transform, by require before Node 22.15 and
 * through its hooks while the import runs from then on, else by Node itself), else, or when that
 * fails before any of the file ran, through tsx in a scope of its own; either loader is taken back
 * afterwards.
 */
async function importConfig(file: string): Promise<unknown> {
  // Loaded only for a project that has a config file, as tsx and zod are.
  const [{ strippingFailed, whyNotStripped }, { moduleStarted, resetModuleStarted }] = await Promise.all([
    import("./load/type-stripping.js"),
    import("./load/strip-types.js"),
  ]);
  if (whyNotStripped(findTsconfig(dirname(file))) === undefined) {
    resetModuleStarted();
    let hooks: { deregister(): void } | undefined;
    try {
      const required = await requiredConfig(file);
      if (required) return required.default;
      hooks = await oxcHooks();
      if (hooks || process.features.typescript)
        return ((await import(`${pathToFileURL(file).href}?sw-config=${++loads}`)) as { default?: unknown }).default;
    } catch (error) {
      if (moduleStarted() || !strippingFailed(error)) throw error;
    } finally {
      hooks?.deregister();
    }
  }
  const { register } = await import("tsx/esm/api");
  const scope = register({ namespace: `stepwright-config-${Date.now()}` });
  try {
    return ((await scope.import(pathToFileURL(file).href, import.meta.url)) as { default?: unknown }).default;
  } finally {
    await scope.unregister();
  }
}

/**
 * Loads `stepwright.config.ts` (or the file given) and validates it. No file is no config; a file
 * that throws or does not fit the schema gives diagnostics naming each wrong key.
 */
export async function loadConfig(
  cwd: string,
  given?: string,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<{ config: StepwrightConfig; diagnostics: Diagnostic[] }> {
  const file = resolve(cwd, given ?? configFileName);
  if (!existsSync(file)) {
    return { config: {}, diagnostics: given ? [diagnostic(loadCodes.fileNotFound, `Config file not found: ${given}`)] : [] };
  }
  let value: unknown;
  // zod loads only for a project that has a config file.
  const schema = import("./config-schema.js");
  try {
    value = await withTimeout(
      importConfig(file),
      timeoutMs,
      `did not finish loading in ${timeoutMs / 1000} s (a top-level await that never ends?)`,
    );
    // Outside an ESM package tsx loads the file as CommonJS: its default export sits one level down.
    if (value && typeof value === "object" && "__esModule" in value && "default" in value) value = value.default;
  } catch (error) {
    return {
      config: {},
      diagnostics: [diagnostic(loadCodes.badConfig, `Could not load the config: ${errorLine(error)}`, { file, line: 1, column: 1 })],
    };
  }
  const { configSchema } = await schema;
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data, diagnostics: [] };
  return {
    config: {},
    diagnostics: parsed.error.issues.map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join(".") : "the default export";
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.at(-1);
      const message =
        issue.code === "unrecognized_keys"
          ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`
          : issue.message;
      return diagnostic(loadCodes.badConfig, `${configFileName}: ${path}: ${message}`, { file, ...positionOf(file, key) });
    }),
  };
}
