import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostic.js";
import type { CheckRequest, CheckResponse } from "./service.js";

type Body<K> = K extends CheckRequest ? Omit<K, "id"> : never;

// 512 MB of stack: the JS TypeScript binder recurses per nested call, and a 2,000-step chain nests deeply.
const startThread = (warm?: { files: string[]; cwd: string }) =>
  new Worker(new URL("./thread.mjs", import.meta.url), { resourceLimits: { stackSizeMb: 512 }, ...(warm ? { workerData: warm } : {}) });
let started: Worker | undefined;

/**
 * Starts the type-check thread now, so TypeScript loads (and checks the files named on the command
 * line) while the CLI reads its config and evaluates the modules; the next TypeChecker takes it over.
 */
export function prestartTypeChecker(files: readonly string[] = [], cwd = process.cwd()): void {
  started ??= startThread({ files: files.map((f) => resolve(cwd, f)), cwd });
  // Until a TypeChecker takes it over, the thread must not keep the process alive (--help, a bad config).
  started.unref();
}

/**
 * The type checker, running on a thread of its own (see service.ts). Keep one for a watch session
 * so the ts-morph project stays warm; `close()` it when done so the process can exit.
 */
export class TypeChecker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: CheckResponse) => void; reject: (e: Error) => void }>();
  #next = 0;

  constructor(
    readonly cwd: string,
    readonly tsconfig?: string,
  ) {
    this.#worker = started ?? startThread();
    started = undefined;
    // The thread keeps the process alive only while a request waits for it (see #request).
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

  #request(body: Body<CheckRequest>): Promise<CheckResponse> {
    const id = this.#next++;
    this.#worker.ref();
    return new Promise<CheckResponse>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...body, id });
    }).finally(() => {
      if (this.#pending.size === 0) this.#worker.unref();
    }).then((response) => {
      const r = response as CheckResponse;
      if ("error" in r) throw new Error(`type checker: ${r.error}`);
      return r;
    });
  }

  /** Type-flow diagnostics of the files, and which of them TypeScript cannot parse. */
  async check(files: readonly string[]): Promise<{ diagnostics: Diagnostic[]; unparsable: string[] }> {
    return (await this.#request({ kind: "check", files, cwd: this.cwd, ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}) })) as never;
  }

  /** The tsconfig's files that look like they define workflows. */
  async workflowFiles(): Promise<string[]> {
    return ((await this.#request({ kind: "workflowFiles", cwd: this.cwd, ...(this.tsconfig ? { tsconfig: this.tsconfig } : {}) })) as { files: string[] }).files;
  }

  /** Re-reads changed files before the next check. */
  async refresh(files: readonly string[]): Promise<void> {
    await this.#request({ kind: "refresh", files });
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
