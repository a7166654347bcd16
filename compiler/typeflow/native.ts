import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { API, Snapshot } from "typescript/unstable/async";

/** What the native checker says of each file: which have any error, and which do not even parse. */
export interface NativeVerdict {
  readonly withErrors: ReadonlySet<string>;
  readonly unparsable: ReadonlySet<string>;
}

/** Used when no tsconfig.json is found: what a user of Stepwright needs to type-check workflows. */
const defaultCompilerOptions = {
  target: "ES2023",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};

/**
 * TypeScript 7's native checker (the `typescript` package's Go binary, through its unstable API),
 * asked only whether the workflow files have errors: most builds have none, and then no JavaScript
 * type checker starts at all. The files are checked as one project that extends the user's
 * tsconfig and lists exactly them, so their compiler options are the user's even for files the
 * tsconfig does not include. That project file is virtual: nothing is written to disk.
 */
export class NativeChecker {
  readonly #api: API;
  readonly #virtualConfig: string;
  readonly #base: string | undefined;
  #files: readonly string[] = [];
  #snapshot: Snapshot | undefined;
  #changed = new Set<string>();

  private constructor(api: API, virtualConfig: string, base: string | undefined) {
    this.#api = api;
    this.#virtualConfig = virtualConfig;
    this.#base = base;
  }

  /** Starts the native checker, or says why it cannot start (no binary for this platform, ...). */
  static async start(cwd: string, tsconfig: string | undefined, binary?: string): Promise<NativeChecker | { unavailable: string }> {
    const virtualConfig = join(tsconfig ? dirname(tsconfig) : resolve(cwd), "__stepwright_check__.tsconfig.json");
    let checker: NativeChecker | undefined;
    try {
      const { API } = await import("typescript/unstable/async");
      const api = new API({
        cwd,
        ...(binary ? { tsserverPath: binary } : {}),
        fs: {
          readFile: (file) => (file !== virtualConfig ? undefined : checker ? checker.#configText() : null),
          fileExists: (file) => (file === virtualConfig ? true : undefined),
        },
      });
      checker = new NativeChecker(api, virtualConfig, tsconfig);
      // A first request proves the binary runs; a missing or broken one rejects here.
      await api.parseConfigFile(virtualConfig);
      return checker;
    } catch (error) {
      await checker?.close().catch(() => {});
      return { unavailable: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
    }
  }

  #configText(): string {
    const files = [...this.#files];
    return JSON.stringify(this.#base ? { extends: this.#base, files, include: [] } : { compilerOptions: defaultCompilerOptions, files, include: [] });
  }

  /** Which of the files have type or syntax errors. */
  async check(files: readonly string[]): Promise<NativeVerdict> {
    const sameFiles = files.length === this.#files.length && files.every((f, i) => f === this.#files[i]);
    if (!sameFiles || !this.#snapshot) {
      this.#files = [...files];
      await this.#snapshot?.dispose();
      // The virtual project's file list changed: reload it (and every file changed since).
      this.#snapshot = await this.#api.updateSnapshot({ openProjects: [this.#virtualConfig], fileChanges: { invalidateAll: true } });
    } else if (this.#changed.size > 0) {
      await this.#snapshot.dispose();
      this.#snapshot = await this.#api.updateSnapshot({ fileChanges: { changed: [...this.#changed] } });
    }
    this.#changed.clear();
    const program = this.#snapshot.getProject(this.#virtualConfig)?.program;
    if (!program) throw new Error("the native checker did not load the workflow files");
    const withErrors = new Set<string>();
    const unparsable = new Set<string>();
    const error = 1; // DiagnosticCategory.Error
    for (const file of files) {
      const syntax = await program.getSyntacticDiagnostics(file);
      if (syntax.some((d) => d.category === error)) unparsable.add(file);
      const semantic = syntax.length > 0 ? [] : await program.getSemanticDiagnostics(file);
      if ([...syntax, ...semantic].some((d) => d.category === error)) withErrors.add(file);
    }
    return { withErrors, unparsable };
  }

  /** Files saved since the last check: the next check re-reads only these. */
  refresh(files: readonly string[]): void {
    for (const file of files) this.#changed.add(file);
  }

  /** The tsconfig's files that look like they define workflows (they call `workflow(` and import "stepwright"). */
  async workflowFiles(): Promise<string[]> {
    if (!this.#base) return [];
    const { fileNames } = await this.#api.parseConfigFile(this.#base);
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

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
