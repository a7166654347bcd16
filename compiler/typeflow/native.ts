import { existsSync, readFileSync } from "node:fs";
import type { API, Snapshot } from "typescript/unstable/async";
import { type Diagnostic, errorLine } from "../diagnostic.js";
import { codePointOrder } from "../order.js";
import { checkUses, type Use } from "./uses/check.js";

/** What the native checker says of each file: which have errors, and which it cannot vouch for. */
export interface NativeVerdict {
  readonly withErrors: ReadonlySet<string>;
  /** Files outside the tsconfig's project: its verdict would use other compiler options than the JavaScript checker's. */
  readonly outside: ReadonlySet<string>;
}

/** The files of a verdict the JavaScript checker must see: those with errors, and those the native checker cannot vouch for. */
export function forJavaScript(verdict: NativeVerdict, files: readonly string[]): string[] {
  return files.filter((f) => verdict.withErrors.has(f) || verdict.outside.has(f));
}

/**
 * The native checker's binary, found as the typescript package finds it. Named to the API rather
 * than left to it: the published CLI carries the API's client in its bundle, away from the
 * package it came from.
 */
async function packagedBinary(): Promise<string> {
  const finder = new URL("lib/getExePath.js", import.meta.resolve("typescript/package.json")).href;
  const { default: exePath } = (await import(finder)) as { default: () => string };
  return exePath();
}

/**
 * TypeScript 7's native checker (the `typescript` package's Go binary, through its unstable API),
 * asked only whether the workflow files have errors: most builds have none, and then no JavaScript
 * type checker starts at all. It opens the tsconfig's project as soon as it starts, while the CLI
 * is still loading, and keeps it warm for watch mode.
 */
export class NativeChecker {
  readonly #api: API;
  readonly #tsconfig: string;
  #snapshot: Snapshot | undefined;
  readonly #open = new Set<string>();
  readonly #changed = new Set<string>();

  private constructor(api: API, tsconfig: string) {
    this.#api = api;
    this.#tsconfig = tsconfig;
  }

  /** Starts the native checker on the tsconfig's project, or says why it cannot (no binary for this platform, ...). */
  static async start(cwd: string, tsconfig: string | undefined, binary?: string): Promise<NativeChecker | { unavailable: string }> {
    if (!tsconfig) return { unavailable: "no tsconfig.json" };
    let api: API | undefined;
    try {
      const [{ API }, tsserverPath] = await Promise.all([import("typescript/unstable/async"), binary ?? packagedBinary()]);
      api = new API({ cwd, tsserverPath });
      const checker = new NativeChecker(api, tsconfig);
      checker.#snapshot = await api.updateSnapshot({ openProjects: [tsconfig] });
      return checker;
    } catch (error) {
      await api?.close().catch(() => {});
      return { unavailable: errorLine(error) };
    }
  }

  /** Which of the files have type or syntax errors, and which lie outside the tsconfig's project. */
  async check(files: readonly string[]): Promise<NativeVerdict> {
    const opening = files.filter((f) => !this.#open.has(f));
    if (opening.length > 0 || this.#changed.size > 0 || !this.#snapshot) {
      const previous = this.#snapshot;
      this.#snapshot = await this.#api.updateSnapshot({
        ...(opening.length > 0 ? { openFiles: opening } : {}),
        ...(this.#changed.size > 0 ? { fileChanges: { changed: [...this.#changed] } } : {}),
      });
      await previous?.dispose();
      for (const f of opening) this.#open.add(f);
      this.#changed.clear();
    }
    const withErrors = new Set<string>();
    const outside = new Set<string>();
    const error = 1; // DiagnosticCategory.Error
    for (const file of files) {
      const project = await this.#snapshot.getDefaultProjectForFile(file);
      if (project?.configFileName !== this.#tsconfig) {
        outside.add(file);
        continue;
      }
      const syntax = await project.program.getSyntacticDiagnostics(file);
      const semantic = syntax.length > 0 ? [] : await project.program.getSemanticDiagnostics(file);
      if ([...syntax, ...semantic].some((d) => d.category === error)) withErrors.add(file);
    }
    return { withErrors, outside };
  }

  /** What each step reads, checked against the types where it receives its data (see uses/check.ts). */
  async checkUses(uses: readonly Use[]): Promise<Diagnostic[]> {
    const snapshot = this.#snapshot;
    if (!snapshot) return [];
    // Loaded when first needed: its enums come from the TypeScript API's module, which the checker
    // starts on its own, off the CLI's critical path.
    const { nativeOps } = await import("./uses/native-ops.js");
    const project = (file: string) => snapshot.getDefaultProjectForFile(file);
    return checkUses(
      nativeOps(
        async (file) => (await project(file))?.checker,
        async (file) => (await project(file))?.program.getSourceFile(file),
      ),
      uses,
    );
  }

  /** Files saved since the last check: the next check re-reads only these. */
  refresh(files: readonly string[]): void {
    for (const file of files) this.#changed.add(file);
  }

  /** The tsconfig's files that look like they define workflows (they call `workflow(` and import "stepwright"). */
  async workflowFiles(): Promise<string[]> {
    const { fileNames } = await this.#api.parseConfigFile(this.#tsconfig);
    return fileNames
      .filter((file) => !file.endsWith(".d.ts") && !file.includes("/node_modules/") && existsSync(file))
      .filter((file) => looksLikeWorkflow(readFileSync(file, "utf8")))
      .sort(codePointOrder);
  }

  async close(): Promise<void> {
    await this.#snapshot?.dispose();
    await this.#api.close();
  }
}

/** A file that calls `workflow(` and imports "stepwright": loading it decides whether it exports one. */
export function looksLikeWorkflow(text: string): boolean {
  return /\bworkflow\s*\(/.test(text) && /from\s+["']stepwright["']/.test(text);
}
