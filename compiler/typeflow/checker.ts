import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../base/diagnostic.js";
import { threadEntries } from "../runtime/thread-entries.js";
import { tsconfigFor } from "./find-tsconfig.js";
import { forJavaScript, forRestating, NativeChecker, type NativeVerdict } from "./native.js";
import type { CheckRequest, CheckResponse } from "./service.js";
import { filesOf, type Use } from "./uses/check.js";
import type { WorkflowTypes } from "./types/collect.js";
import type { TypesRequest } from "./types/request.js";

type Body<K> = K extends CheckRequest ? Omit<K, "id"> : never;

export interface TypeCheckerOptions {
  /** The native checker's binary (default: the one the `typescript` package ships); tests name a missing one. */
  readonly nativeBinary?: string;
  /** false: skip the native checker and use the JavaScript one for everything. */
  readonly native?: boolean;
  /** Told once when the native checker cannot be used, with the reason (the CLI prints it under --verbose). */
  readonly onNotice?: (line: string) => void;
  /** Told after each check which checker checked the files, and why the JavaScript one ran if it did (the CLI prints it under --verbose). */
  readonly onChecked?: (line: string) => void;
}

/**
 * The JavaScript checker (ts-morph, on a thread of its own, see service.ts): it restates type errors
 * in the words of steps and fields. 512 MB of stack: the JS binder recurses per nested call, and a
 * 2,000-step chain nests deeply.
 */
class JavaScriptChecker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: CheckResponse) => void; reject: (e: Error) => void }>();
  #next = 0;

  /** `warm`: files to check at once, before the request for them arrives. */
  constructor(warm?: { files: readonly string[]; cwd: string; tsconfig?: string }) {
    this.#worker = new Worker(threadEntries.typeCheck, { resourceLimits: { stackSizeMb: 512 }, ...(warm ? { workerData: warm } : {}) });
    // The thread keeps the process alive only while a request waits for it (see request).
    this.#worker.unref();
    this.#worker.on("message", (response: CheckResponse) => {
      this.#pending.get(response.id)?.resolve(response);
      this.#pending.delete(response.id);
    });
    this.#worker.on("error", (error) => {
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    });
  }

  async request<R extends CheckResponse>(body: Body<CheckRequest>): Promise<R> {
    const id = this.#next++;
    this.#worker.ref();
    try {
      const response = await new Promise<CheckResponse>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        this.#worker.postMessage({ ...body, id });
      });
      if ("error" in response) throw new Error(`type checker: ${response.error}`);
      return response as R;
    } finally {
      if (this.#pending.size === 0) this.#worker.unref();
    }
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

type NativeStart = ReturnType<typeof NativeChecker.start>;

/** Which checker checked a compile's files, and why the JavaScript one did where it did. */
function checkedBy(files: number, verdict: NativeVerdict | undefined, javascript: readonly string[]): string {
  if (!verdict) return `type-checked ${files} file(s) with the JavaScript checker (the native one is not available)`;
  const withErrors = forRestating(verdict, [...verdict.withErrors]).length;
  const native = `type-checked ${files} file(s) with TypeScript's native checker${withErrors > 0 ? `, which restated the errors of ${withErrors} file(s)` : ""}`;
  if (javascript.length === 0) return `${native}: the JavaScript checker did not start`;
  return `${native}; the JavaScript checker checks ${javascript.length} file(s) outside the tsconfig's project`;
}

/** What the CLI starts before it parses its arguments: the native checker, its first verdict, and the JavaScript checker if that verdict has errors. */
interface Prestart {
  readonly key: string;
  readonly native: NativeStart;
  readonly early?: Promise<{ files: readonly string[]; verdict: NativeVerdict; javascript?: JavaScriptChecker } | undefined>;
}
let prestarted: Prestart | undefined;

/**
 * Starts the native checker now, on the files named on the command line, so it loads and checks
 * while the CLI reads its config and evaluates the modules; for files outside the tsconfig's
 * project (which it cannot vouch for) the JavaScript checker starts at once. The next TypeChecker
 * for the same folder and tsconfig takes both over.
 */
export function prestartTypeChecker(cwd = process.cwd(), tsconfig?: string, files: readonly string[] = []): void {
  if (prestarted) return;
  const config = tsconfigFor(cwd, tsconfig);
  const paths = files.map((f) => resolve(cwd, f)).filter((f) => existsSync(f));
  const native = NativeChecker.start(cwd, config, { files: paths });
  const early =
    paths.length === 0
      ? undefined
      : native.then(async (n) => {
          if (!(n instanceof NativeChecker)) return undefined;
          const verdict = await n.check(paths);
          const failing = forJavaScript(verdict, paths);
          // Restated while the CLI evaluates the modules; the check takes the answer up.
          const restating = forRestating(verdict, paths);
          if (restating.length > 0) n.restate(restating).catch(() => {});
          return {
            files: paths,
            verdict,
            ...(failing.length > 0
              ? { javascript: new JavaScriptChecker({ files: failing, cwd, ...(config ? { tsconfig: config } : {}) }) }
              : {}),
          };
        });
  early?.catch(() => {}); // the request that adopts it reports what went wrong
  prestarted = { key: `${cwd}\0${config ?? ""}`, native, ...(early ? { early } : {}) };
}

/** Stops a prestarted native checker no TypeChecker took over (a usage error, --help), so the process can exit. */
export async function releasePrestarted(): Promise<void> {
  const left = prestarted;
  prestarted = undefined;
  if (left) await release(left);
}

async function release(left: Prestart): Promise<void> {
  const [native, early] = await Promise.all([left.native, left.early?.catch(() => undefined)]);
  await Promise.all([native instanceof NativeChecker ? native.close() : undefined, early?.javascript?.close()]);
}

/**
 * The type checker of a compile: TypeScript 7's native checker checks the workflow files and
 * restates their errors as SW1xxx in the words of steps and fields (restate/). The JavaScript
 * checker starts only for files outside the tsconfig's project, or where the native checker cannot
 * run, and then checks them with the same results. Keep one for a watch session so both stay warm;
 * `close()` it when done so the process can exit.
 */
export class TypeChecker {
  readonly #native: Promise<NativeChecker | undefined>;
  #javascript: JavaScriptChecker | undefined;
  #javascriptChecked: readonly string[] = [];
  /** The last check's native verdict and the files it covered. */
  #verdict: { readonly files: ReadonlySet<string>; readonly verdict: NativeVerdict } | undefined;
  #early: Prestart["early"];
  readonly tsconfig: string | undefined;

  constructor(
    readonly cwd: string,
    tsconfig?: string,
    readonly options: TypeCheckerOptions = {},
  ) {
    this.tsconfig = tsconfigFor(cwd, tsconfig);
    const key = `${cwd}\0${this.tsconfig ?? ""}`;
    const adopted = prestarted?.key === key && options.native !== false && !options.nativeBinary ? prestarted : undefined;
    if (prestarted && !adopted) void release(prestarted);
    prestarted = undefined;
    this.#early = adopted?.early;
    const started =
      options.native === false
        ? Promise.resolve({ unavailable: "turned off" })
        : (adopted?.native ?? NativeChecker.start(cwd, this.tsconfig, options.nativeBinary ? { binary: options.nativeBinary } : {}));
    this.#native = started.then((native) => {
      if (native instanceof NativeChecker) {
        if (native.startedEarly) options.onNotice?.("the native checker's server started before the CLI had loaded");
        return native;
      }
      options.onNotice?.(`the native TypeScript checker is not available (${native.unavailable}); checking with the JavaScript one`);
      return undefined;
    });
  }

  /** The prestarted verdict, when it is about these very files (once: a later check asks again). */
  async #takeEarly(files: readonly string[]): Promise<NativeVerdict | undefined> {
    const early = await this.#early?.catch(() => undefined);
    this.#early = undefined;
    if (early?.javascript) this.#javascript ??= early.javascript;
    const same = early && early.files.length === files.length && early.files.every((f, i) => f === files[i]);
    return same ? early.verdict : undefined;
  }

  #js(): JavaScriptChecker {
    return (this.#javascript ??= new JavaScriptChecker());
  }

  /**
   * Type-flow diagnostics of the files, and which of them TypeScript cannot parse. `onErrors` is told
   * as soon as some file is known to have a type error: from the native checker's verdict, before
   * the errors are restated.
   */
  async check(
    files: readonly string[],
    { onErrors }: { onErrors?: () => void } = {},
  ): Promise<{ diagnostics: Diagnostic[]; unparsable: string[] }> {
    const native = await this.#native;
    const early = await this.#takeEarly(files);
    const verdict = early ?? (native ? await native.check(files) : undefined);
    this.#verdict = verdict && { files: new Set(files), verdict };
    if (verdict && verdict.withErrors.size > 0) onErrors?.();
    const failing = verdict ? forJavaScript(verdict, files) : files;
    this.options.onChecked?.(checkedBy(files.length, verdict, failing));
    this.#javascriptChecked = failing;
    const restating = verdict ? forRestating(verdict, files) : [];
    const [restated, checked] = await Promise.all([
      native && restating.length > 0 ? native.restate(restating) : { diagnostics: [], unparsable: [] },
      failing.length > 0
        ? this.#js().request<{ id: number; diagnostics: Diagnostic[]; unparsable: string[] }>({
            kind: "check",
            files: failing,
            cwd: this.cwd,
            ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}),
          })
        : { diagnostics: [], unparsable: [] },
    ]);
    // In the order of the files, as one checker would give them.
    const byFile = (d: Diagnostic) => files.indexOf(d.file ?? "");
    return {
      diagnostics: [...restated.diagnostics, ...checked.diagnostics].sort((a, b) => byFile(a) - byFile(b)),
      unparsable: [...restated.unparsable, ...checked.unparsable],
    };
  }

  /** The verdict of the check just run, when it covered these files; else the native checker is asked (none without it). */
  async #verdictOf(files: readonly string[], native: NativeChecker | undefined): Promise<NativeVerdict | undefined> {
    if (files.every((f) => this.#verdict?.files.has(f))) return this.#verdict?.verdict;
    return native?.check(files);
  }

  /**
   * Checks what steps read against the types where they receive their data: by the native checker
   * where it vouches for the files, else by the JavaScript one. Run after \`check\`, on its snapshot.
   */
  async checkUses(uses: readonly Use[]): Promise<Diagnostic[]> {
    if (uses.length === 0) return [];
    const native = await this.#native;
    const verdict = await this.#verdictOf(filesOf(uses), native);
    // Each use's own files are looked at only where some file is outside the project (a walk of its arrivals each).
    const vouches = (u: Use) => verdict !== undefined && (verdict.outside.size === 0 || filesOf([u]).every((f) => !verdict.outside.has(f)));
    const vouched = native ? uses.filter(vouches) : [];
    const rest = uses.filter((u) => !native || !vouches(u));
    const found = native && vouched.length > 0 ? await native.checkUses(vouched) : [];
    if (rest.length === 0) return found;
    const response = await this.#js().request<{ id: number; diagnostics: Diagnostic[]; unparsable: string[] }>({
      kind: "uses",
      uses: rest,
      cwd: this.cwd,
      ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}),
    });
    return [...found, ...response.diagnostics];
  }

  /**
   * The types of each workflow and of the steps that take part in the code around it, for
   * `build --types`: asked of the native checker where it vouches for the files (a build has no
   * type errors by then), else of the JavaScript one.
   */
  async workflowTypes(requests: readonly TypesRequest[]): Promise<WorkflowTypes[]> {
    if (requests.length === 0) return [];
    const native = await this.#native;
    const files = requests.map((r) => r.file);
    const verdict = await this.#verdictOf(files, native);
    if (native && verdict && forJavaScript(verdict, files).length === 0) return native.workflowTypes(requests);
    const response = await this.#js().request<{ id: number; types: WorkflowTypes[] }>({
      kind: "types",
      requests,
      cwd: this.cwd,
      ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}),
    });
    return response.types;
  }

  /** Whether the JavaScript checker has started (it does only for files with errors, or as the fallback). */
  get javascriptStarted(): boolean {
    return this.#javascript !== undefined;
  }

  /** The files the last check gave the JavaScript checker. */
  get javascriptChecked(): readonly string[] {
    return this.#javascriptChecked;
  }

  /** The tsconfig's files that look like they define workflows. */
  async workflowFiles(): Promise<string[]> {
    const native = await this.#native;
    if (native) return native.workflowFiles();
    const response = await this.#js().request<{ id: number; files: string[] }>({
      kind: "workflowFiles",
      cwd: this.cwd,
      ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}),
    });
    return response.files;
  }

  /** Re-reads changed files before the next check. */
  async refresh(files: readonly string[]): Promise<void> {
    await this.#takeEarly([]);
    (await this.#native)?.refresh(files);
    if (this.#javascript) await this.#javascript.request({ kind: "refresh", files });
  }

  async close(): Promise<void> {
    await Promise.all([this.#native.then((n) => n?.close()), this.#javascript?.close()]);
  }
}
