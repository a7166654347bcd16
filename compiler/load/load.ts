import { existsSync } from "node:fs";
import nodeModule from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
// The DSL entry a workflow imports too (published, one bundled file), not its modules one by one.
import { isWorkflow, type Workflow } from "../../src/index.js";
import { type Diagnostic, diagnostic, errorLine, loadCodes } from "../base/diagnostic.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import type { Problem } from "../../src/lower/problem.js";
import type { Required } from "./require-stripped.js";
import { moduleStarted, oxcStripper, resetModuleStarted } from "./strip-types.js";
import { strippingFailed, whyNotStripped } from "./type-stripping.js";
import { moduleHooksInThread } from "../base/module-hooks.js";

let version = 0;
let versioning = false;
/** Stepwright's own modules: loaded once, never at a build's version. */
const unversioned = [new URL("../../src/", import.meta.url).href];

/**
 * What evaluates the user's TypeScript: type stripping by oxc-transform, or by Node itself where
 * oxc's binary cannot load (and why), or tsx (and why).
 */
export type ModuleLoading =
  { readonly by: "oxc" } | { readonly by: "node"; readonly why: string } | { readonly by: "tsx"; readonly why: string };
let loading: ModuleLoading | undefined;

/** Set when tsx's hooks are registered in this thread: by this module, or by the bin running from Stepwright's sources. */
const tsxRegistered = Symbol.for("stepwright.tsx");
const registry = globalThis as Record<symbol, unknown>;

/** Before Node 22.15: a module's load by require in this thread (require-stripped.ts), until one needs the hooks thread. */
let requiring: ((file: string) => Required) | undefined;

/**
 * oxc-transform's stripping from now on: its hooks in this thread where this Node runs module hooks
 * in the importing thread (22.15 on); before that, its stripper in this thread for loads by require,
 * or, where hooks of the user's must see each module, its hooks in a hooks thread of their own.
 * Gives why oxc's binary did not load, if it did not.
 */
async function registerOxc(): Promise<string | undefined> {
  if (!moduleHooksInThread) {
    const byRequire = await (await import("./require-stripped.js")).loaderByRequire();
    if (byRequire === undefined) return registerHooksThread();
    if (typeof byRequire !== "function") return byRequire.unavailable;
    requiring = byRequire;
    return undefined;
  }
  const { loadStripped, resolveStripped } = await import("./strip-hooks.js");
  const oxc = oxcStripper();
  if ("unavailable" in oxc) return oxc.unavailable;
  nodeModule.registerHooks({ resolve: resolveStripped(unversioned), load: loadStripped(oxc) });
  versioning = true;
  return undefined;
}

/**
 * oxc-transform's stripping hooks in a hooks thread of their own (module.register, before Node
 * 22.15), which every later module goes through; their hooks module fails to register where oxc's
 * binary does not load. Gives why they did not register, if they did not.
 */
function registerHooksThread(): string | undefined {
  requiring = undefined;
  try {
    nodeModule.register("./strip-hooks-thread.mjs", import.meta.url, { data: { unversioned } });
    versioning = true;
    return undefined;
  } catch (error) {
    return errorLine(error);
  }
}

/**
 * Type stripping from now on: oxc's, whose source maps map stack traces back to the user's
 * TypeScript; or, without its binary, Node's own, which blanks the types out so that every position
 * stays where it was (its resolve hook in this thread); or, where this Node has neither, tsx.
 */
async function useStripping(): Promise<void> {
  const unavailable = await registerOxc();
  if (unavailable === undefined) {
    process.setSourceMapsEnabled(true);
    loading = { by: "oxc" };
  } else if (process.features.typescript && moduleHooksInThread) {
    const { resolveStripped } = await import("./strip-hooks.js");
    nodeModule.registerHooks({ resolve: resolveStripped(unversioned) });
    versioning = true;
    loading = { by: "node", why: `oxc-transform did not load (${unavailable})` };
  } else {
    return useTsx(`oxc-transform did not load (${unavailable}) and this Node (${process.versions.node}) does not strip types`);
  }
}

/** tsx from now on; step positions come from stack traces, which its source maps map back to the user's TypeScript. */
async function useTsx(why: string): Promise<void> {
  if (!registry[tsxRegistered]) {
    (await import("tsx/esm/api")).register();
    registry[tsxRegistered] = true;
  }
  loading = { by: "tsx", why };
  process.setSourceMapsEnabled(true);
}

/**
 * Readies the loader for a project's modules: type stripping where the project and this Node allow
 * it (its resolve hook, once registered, also versions the modules), tsx otherwise. Once tsx,
 * always tsx: its hooks cannot be taken back. From the second load on (a watch-mode rebuild) under
 * tsx, the hook that gives each build fresh copies of the user's modules; a single build goes
 * without it, as every off-thread hook costs each import.
 */
async function prepareLoader(tsconfig: string | undefined, load: number): Promise<void> {
  if (loading?.by !== "tsx") {
    const why = registry[tsxRegistered] ? "tsx is registered already (Stepwright runs from its sources)" : whyNotStripped(tsconfig);
    if (why !== undefined) await useTsx(why);
    else if (!loading) await useStripping();
  }
  if (loading?.by === "tsx" && load > 1 && !versioning) {
    versioning = true;
    nodeModule.register("./load-hooks.mjs", import.meta.url, { data: { unversioned } });
  }
}

/**
 * Readies the loader for a rebuild of modules it has loaded (a watch session's next save), in the
 * time between: before Node 22.15 a module is loaded by require once, and its rebuilds go through
 * the hooks thread, which would otherwise start when the save's build needs it.
 */
export function readyForRebuilds(): void {
  if (requiring) registerHooksThread();
}

/**
 * Readies the thread before the first file arrives: the loader (for the tsconfig the CLI expects
 * to use, when it said which), and the DSL a workflow module imports first (this package's own
 * copy: the one a project that runs this CLI resolves too).
 */
export async function warmUp(project?: { readonly tsconfig?: string }): Promise<void> {
  if (project) await prepareLoader(project.tsconfig, 1);
  await import("../../src/index.js");
}

/** A workflow found in a user's module, assembled: its IR (plain data), what could not be assembled, where it was exported. */
export interface LoadedWorkflow {
  readonly ir: WorkflowNode;
  readonly problems: readonly Problem[];
  readonly file: string;
  readonly exportName: string;
  /** The JSON Schema of the workflow's `input` (zod), where it declares one. */
  readonly inputSchema?: Readonly<Record<string, unknown>>;
}

/** What loading the user's modules gave. Plain data: it crosses from the loading thread. */
export interface LoadResult {
  readonly loaded: LoadedWorkflow[];
  readonly diagnostics: Diagnostic[];
  /** What evaluated the modules (the last of them, when a failure moved loading to tsx). */
  readonly loading?: ModuleLoading;
}

/** Where a user's code threw: the first stack frame in that file. */
function frameIn(error: unknown, file: string): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const line of stack.split("\n")) {
    const match = /((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (match && match[1]!.replace(/^file:\/\//, "").replace(/\?[^/]*$/, "") === file)
      return { line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

/**
 * Imports each file (TypeScript, by Node's type stripping or through tsx) and collects the
 * workflows it exports. A file that cannot be found or throws while loading becomes a diagnostic,
 * never a crash.
 */
export async function loadWorkflows(
  files: readonly string[],
  cwd: string,
  { warnEmpty = true, onFile, tsconfig }: { warnEmpty?: boolean; onFile?: (file: string) => void; tsconfig?: string } = {},
): Promise<LoadResult> {
  // A version per load, so a rebuild (watch mode) evaluates edited modules afresh.
  const current = ++version;
  await prepareLoader(tsconfig, current);
  const loaded: LoadedWorkflow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of files) {
    const file = resolve(cwd, given);
    if (!existsSync(file)) {
      diagnostics.push(diagnostic(loadCodes.fileNotFound, `File not found: ${given}`));
      continue;
    }
    let module: Record<string, unknown>;
    onFile?.(file);
    try {
      module = await importModule(file, given);
    } catch (error) {
      const at = frameIn(error, file);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      diagnostics.push(
        diagnostic(
          loadCodes.moduleFailed,
          `Could not load ${given}: ${message.split("\n")[0]}`,
          at ? { file, ...at } : { file, line: 1, column: 1 },
        ),
      );
      continue;
    }
    const found = Object.entries(module).filter(([, value]) => isWorkflow(value));
    if (found.length === 0 && warnEmpty) {
      diagnostics.push(diagnostic(loadCodes.noWorkflows, `${given} exports no workflow(...)`, { file, line: 1, column: 1 }));
    }
    for (const [exportName, value] of found) {
      const { ir, problems } = (value as Workflow<unknown, unknown>).assemble();
      const inputSchema = await inputSchemaOf((value as Workflow<unknown, unknown>).inputSchema());
      loaded.push({ ir, problems, file, exportName, ...(inputSchema ? { inputSchema } : {}) });
    }
  }
  return { loaded, diagnostics, ...(loading ? { loading } : {}) };
}

/**
 * Imports a user's module at the current version: by require before Node 22.15 while it can be (a
 * module that cannot, through the hooks thread from then on); one that type stripping cannot load,
 * through tsx at a new version. Either way only when nothing of it ran: its code runs once.
 */
async function importModule(file: string, given: string): Promise<Record<string, unknown>> {
  // The first load of a thread needs no version (nothing is cached yet), and tsx's CommonJS loader
  // finds no file by a URL with a query.
  const at = () => (version === 1 ? pathToFileURL(file).href : `${pathToFileURL(file).href}?sw-v=${version}`);
  resetModuleStarted();
  try {
    if (requiring) {
      const required = requiring(file);
      if ("exports" in required) return required.exports;
      // Node's ES module loader keeps what the attempt linked, by URL: the module goes in afresh.
      version++;
      const failed = registerHooksThread();
      if (failed !== undefined) await useTsx(`oxc-transform's hooks did not register (${failed})`);
    }
    return (await import(at())) as Record<string, unknown>;
  } catch (error) {
    if (loading === undefined || loading.by === "tsx" || moduleStarted() || !strippingFailed(error)) throw error;
    await useTsx(`${given} did not load under type stripping (${errorLine(error)})`);
    version++;
    return (await import(at())) as Record<string, unknown>;
  }
}

/**
 * A workflow's input schema (`Workflow.inputSchema()`: its `input`, or its first Lambda's) as JSON Schema,
 * so it crosses from the thread that loads the user's modules, and a local run can check its
 * input against it (input-schema.ts). Zod is loaded only for a workflow that has one.
 */
async function inputSchemaOf(schema: unknown): Promise<Readonly<Record<string, unknown>> | undefined> {
  if (!schema || typeof schema !== "object" || !("_zod" in schema)) return undefined;
  const { toJSONSchema } = await import("zod");
  try {
    return toJSONSchema(schema as never, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  } catch {
    // A schema zod cannot write as JSON Schema (a transform, a custom check): the input goes unchecked.
    return undefined;
  }
}
