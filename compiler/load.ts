import { existsSync } from "node:fs";
import nodeModule from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
// The DSL entry a workflow imports too (published, one bundled file), not its modules one by one.
import { isWorkflow, type Workflow } from "../src/index.js";
import { type Diagnostic, diagnostic, loadCodes } from "./diagnostic.js";
import type { WorkflowNode } from "../src/ir/workflow.js";
import type { Problem } from "../src/lower/problem.js";
import type { DataEdge } from "../src/lower/context.js";

let version = 0;
let tsx = false;
let versioning = false;

/**
 * tsx for TypeScript; from the second load on (a watch-mode rebuild), the hook that gives each build
 * fresh copies of the user's modules. A single build goes without it: every hook costs each import.
 */
async function prepareLoader(load: number): Promise<void> {
  // The `stepwright` bin has registered tsx already when it runs from sources; a library caller has not.
  const registered = Symbol.for("stepwright.tsx");
  if (!tsx && !(globalThis as Record<symbol, unknown>)[registered]) {
    (await import("tsx/esm/api")).register();
    (globalThis as Record<symbol, unknown>)[registered] = true;
  }
  tsx = true;
  if (load > 1 && !versioning) {
    versioning = true;
    nodeModule.register("./load-hooks.mjs", import.meta.url, { data: { unversioned: [new URL("../src/", import.meta.url).href] } });
  }
}

/**
 * Readies the thread before the first file arrives: tsx's hooks, and the DSL a workflow module
 * imports first (this package's own copy: the one a project that runs this CLI resolves too).
 */
export async function warmUp(): Promise<void> {
  await prepareLoader(1);
  await import("../src/index.js");
}

/** A workflow found in a user's module, assembled: its IR (plain data), what could not be assembled, where it was exported. */
export interface LoadedWorkflow {
  readonly ir: WorkflowNode;
  readonly problems: readonly Problem[];
  /** Where each edge was written: the type-flow checks look up what flows along it there. */
  readonly edges: readonly DataEdge[];
  readonly file: string;
  readonly exportName: string;
}

/** What loading the user's modules gave. Plain data: it crosses from the loading thread. */
export interface LoadResult {
  readonly loaded: LoadedWorkflow[];
  readonly diagnostics: Diagnostic[];
}

/** Where a user's code threw: the first stack frame in that file. */
function frameIn(error: unknown, file: string): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const line of stack.split("\n")) {
    const match = /((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (match && match[1]!.replace(/^file:\/\//, "").replace(/\?[^/]*$/, "") === file) return { line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

/**
 * Imports each file (TypeScript, through tsx) and collects the workflows it exports. A file that
 * cannot be found or throws while loading becomes a diagnostic, never a crash.
 */
export async function loadWorkflows(
  files: readonly string[],
  cwd: string,
  { warnEmpty = true, onFile }: { warnEmpty?: boolean; onFile?: (file: string) => void } = {},
): Promise<LoadResult> {
  // A version per load, so a rebuild (watch mode) evaluates edited modules afresh.
  const current = ++version;
  await prepareLoader(current);
  // Step positions come from stack traces: map them back to the user's TypeScript.
  process.setSourceMapsEnabled(true);
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
      module = (await import(`${pathToFileURL(file).href}?sw-v=${current}`)) as Record<string, unknown>;
    } catch (error) {
      const at = frameIn(error, file);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      diagnostics.push(diagnostic(loadCodes.moduleFailed, `Could not load ${given}: ${message.split("\n")[0]}`, at ? { file, ...at } : { file, line: 1, column: 1 }));
      continue;
    }
    const found = Object.entries(module).filter(([, value]) => isWorkflow(value));
    if (found.length === 0 && warnEmpty) {
      diagnostics.push({ ...diagnostic(loadCodes.noWorkflows, `${given} exports no workflow(...)`, { file, line: 1, column: 1 }), severity: "warning" });
    }
    for (const [exportName, value] of found) {
      const { ir, problems, edges } = (value as Workflow<unknown, unknown>).assemble();
      loaded.push({ ir, problems, edges, file, exportName });
    }
  }
  return { loaded, diagnostics };
}
