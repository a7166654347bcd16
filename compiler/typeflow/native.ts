import { existsSync, readFileSync } from "node:fs";
import type { API, Diagnostic as NativeDiagnostic, Project, Snapshot } from "typescript/unstable/async";
import { type Diagnostic, errorLine } from "../base/diagnostic.js";
import { codePointOrder } from "../base/order.js";
import { formatNodeDecides } from "./base/module-format.js";
import { type ApiClient, connectServer, endServer, packagedBinary } from "./native-server.js";
import { checkUses, type Use } from "./uses/check.js";
import type { NativeType } from "./uses/native-ops.js";
import type { TypeOps } from "./uses/types.js";
import type { WorkflowTypes } from "./types/collect.js";
import type { TypesRequest } from "./types/request.js";

/** What the native checker says of each file: which have errors, and which it cannot vouch for. */
export interface NativeVerdict {
  readonly withErrors: ReadonlySet<string>;
  /** Files outside the tsconfig's project: its verdict would use other compiler options than the JavaScript checker's. */
  readonly outside: ReadonlySet<string>;
}

/** The files of a verdict the JavaScript checker must see: those the native checker cannot vouch for. */
export function forJavaScript(verdict: NativeVerdict, files: readonly string[]): string[] {
  return files.filter((f) => verdict.outside.has(f));
}

/** The files of a verdict whose errors the native checker restates: those with errors it vouches for. */
export function forRestating(verdict: NativeVerdict, files: readonly string[]): string[] {
  return files.filter((f) => verdict.withErrors.has(f) && !verdict.outside.has(f));
}

const clientOf = (api: API): ApiClient => (api as unknown as { client: ApiClient }).client;

/** A file's diagnostics as the native API gives them: syntax first, then types. */
type Found = readonly NativeDiagnostic[];

/**
 * TypeScript 7's native checker (the `typescript` package's Go binary, through its unstable API):
 * it checks the workflow files and restates their errors in the words of steps and fields, so no
 * JavaScript type checker starts at all. It opens the tsconfig's project as soon as it starts, while the CLI
 * is still loading, and keeps it warm for watch mode.
 */
export class NativeChecker {
  readonly #api: API;
  readonly #tsconfig: string;
  #snapshot: Snapshot | undefined;
  readonly #open = new Set<string>();
  readonly #changed = new Set<string>();
  /** The errors of the files of the current snapshot that have any, as the last check found them, with the project that found them. */
  #errors = new Map<string, { readonly found: Found; readonly project: Project }>();
  /** Restatings asked of the current snapshot, by the files asked about: the CLI asks as soon as it knows, and again when it needs them. */
  #restated = new Map<string, Promise<{ diagnostics: Diagnostic[]; unparsable: string[] }>>();

  private constructor(
    api: API,
    tsconfig: string,
    /** Whether its server is the one the CLI started before TypeScript's API client loaded (native-server.ts). */
    readonly startedEarly: boolean,
  ) {
    this.#api = api;
    this.#tsconfig = tsconfig;
  }

  /**
   * Starts the native checker on the tsconfig's project, or says why it cannot (no binary for this
   * platform, ...). `files`: those the first check will ask about, opened with the project (one
   * round trip, not two).
   */
  static async start(
    cwd: string,
    tsconfig: string | undefined,
    options: { binary?: string; files?: readonly string[] } = {},
  ): Promise<NativeChecker | { unavailable: string }> {
    if (!tsconfig) return { unavailable: "no tsconfig.json" };
    let api: API | undefined;
    try {
      const [{ API }, tsserverPath] = await Promise.all([import("typescript/unstable/async"), options.binary ?? packagedBinary()]);
      api = new API({ cwd, tsserverPath });
      const checker = new NativeChecker(api, tsconfig, await connectServer(clientOf(api)));
      const files = options.files ?? [];
      checker.#snapshot = await api.updateSnapshot({ openProjects: [tsconfig], ...(files.length > 0 ? { openFiles: [...files] } : {}) });
      for (const f of files) checker.#open.add(f);
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
      this.#errors = new Map();
      this.#restated = new Map();
    }
    const verdicts = await Promise.all(files.map((file) => this.#verdictOf(this.#snapshot!, file)));
    return {
      withErrors: new Set(files.filter((_, i) => verdicts[i] === "errors")),
      outside: new Set(files.filter((_, i) => verdicts[i] === "outside")),
    };
  }

  /**
   * One file's verdict. Its project and both kinds of diagnostics are asked for at once: each answer
   * waits for a turn of the CLI's event loop, which is busy evaluating and emitting meanwhile, so
   * three questions in a row cost three waits. The price: a file outside the tsconfig's project is
   * asked of that project as well, an answer not used (such a file is judged by its default project
   * alone). A file's errors are kept for restating.
   */
  async #verdictOf(snapshot: Snapshot, file: string): Promise<"clean" | "errors" | "outside"> {
    const error = 1; // DiagnosticCategory.Error
    const warning = 0; // DiagnosticCategory.Warning
    const program = snapshot.getProject(this.#tsconfig)?.program;
    const settled = <T>(answer: Promise<T> | undefined) => answer?.catch(() => undefined);
    const [project, syntax, semantic] = await Promise.all([
      snapshot.getDefaultProjectForFile(file),
      settled(program?.getSyntacticDiagnostics(file)),
      settled(program?.getSemanticDiagnostics(file)),
    ]);
    if (project?.configFileName !== this.#tsconfig) return "outside";
    // Unanswered (the project was not in the snapshot, or a question failed): asked again in turn.
    const parsed = syntax ?? (await project.program.getSyntacticDiagnostics(file));
    const checked = semantic ?? (await project.program.getSemanticDiagnostics(file));
    const found = [...parsed, ...checked].filter(
      (d) => (d.category === error || d.category === warning) && !formatNodeDecides(d.code, file),
    );
    if (!found.some((d) => d.category === error)) return "clean";
    this.#errors.set(file, { found, project });
    return "errors";
  }

  /**
   * The errors of files the last check found any in, restated in the words of steps and fields
   * (restate/file.ts), and which of the files TypeScript cannot parse.
   */
  restate(files: readonly string[]): Promise<{ diagnostics: Diagnostic[]; unparsable: string[] }> {
    const key = files.join("\0");
    const kept = this.#restated.get(key);
    if (kept) return kept;
    const restating = this.#restate(files);
    this.#restated.set(key, restating);
    return restating;
  }

  async #restate(files: readonly string[]): Promise<{ diagnostics: Diagnostic[]; unparsable: string[] }> {
    const kept = this.#errors; // this snapshot's: a later check replaces the map
    const [{ restateErrors, unparsable }, { nativeRestateOps, typeScriptErrors }] = await Promise.all([
      import("./restate/file.js"),
      import("./restate/native-ops.js"),
    ]);
    const perFile = await Promise.all(
      files.map(async (file) => {
        const errors = kept.get(file);
        const source = await errors?.project.program.getSourceFile(file);
        if (!errors || !source) return [];
        return restateErrors(nativeRestateOps(errors.project.checker, source), source as never, typeScriptErrors(errors.found));
      }),
    );
    return { diagnostics: perFile.flat(), unparsable: files.filter((_, i) => unparsable(perFile[i]!)) };
  }

  /** What each step reads, checked against the types where it receives its data (see uses/check.ts). */
  async checkUses(uses: readonly Use[]): Promise<Diagnostic[]> {
    const ops = await this.#ops();
    return ops ? checkUses(ops, uses) : [];
  }

  /** The types of each workflow and of its steps, for `build --types` (see emit/types/collect.ts). */
  async workflowTypes(requests: readonly TypesRequest[]): Promise<WorkflowTypes[]> {
    const [ops, { collectTypes }] = await Promise.all([this.#ops(), import("./types/collect.js")]);
    // Each workflow's at once: each answer is a round trip.
    return ops ? Promise.all(requests.map((request) => collectTypes(ops, request))) : [];
  }

  /** The type questions of the checks and of `build --types`, answered from the current snapshot (none before the first check). */
  async #ops(): Promise<TypeOps<NativeType> | undefined> {
    const snapshot = this.#snapshot;
    if (!snapshot) return undefined;
    // Loaded when first needed: its enums come from the TypeScript API's module, which the checker
    // starts on its own, off the CLI's critical path.
    const { nativeOps } = await import("./uses/native-ops.js");
    const project = (file: string) => snapshot.getDefaultProjectForFile(file);
    return nativeOps(
      async (file) => (await project(file))?.checker,
      async (file) => (await project(file))?.program.getSourceFile(file),
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

  /**
   * Ends the server, and its snapshots with it: the API's own close would first release each
   * snapshot, a round trip apiece, for nothing (see endServer).
   */
  async close(): Promise<void> {
    await endServer(clientOf(this.#api));
  }
}

/** A file that calls `workflow(` and imports "stepwright": loading it decides whether it exports one. */
export function looksLikeWorkflow(text: string): boolean {
  return /\bworkflow\s*\(/.test(text) && /from\s+["']stepwright["']/.test(text);
}
