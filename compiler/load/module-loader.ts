import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { type Diagnostic, diagnostic, loadCodes } from "../base/diagnostic.js";
import type { LoadResult, ModuleLoading } from "./load.js";
import { threadEntries } from "../runtime/thread-entries.js";

type Message = { ready: true } | { id: number; loading: string } | { id: number; result: LoadResult } | { id: number; failed: string };

export interface ModuleLoaderOptions {
  /** How long one module may take to load before it is stopped (default 30 s). */
  readonly timeoutMs?: number;
  /** Told what evaluates the modules (type stripping by oxc-transform or by Node, or tsx, and why), when that changes. */
  readonly onNotice?: (line: string) => void;
  /** Whether it will load the same modules again (a watch session): it readies for that after each load. */
  readonly rebuilds?: boolean;
}

let prestarted: Worker | undefined;

/** A loading thread that readies its loader for `tsconfig` before the first load names the tsconfig for certain. */
function newThread(tsconfig: string | undefined): Worker {
  const worker = new Worker(threadEntries.loading, { workerData: tsconfig ? { tsconfig } : {} });
  // Unreferenced: an unused thread (a usage error, --help) does not keep the process alive.
  worker.unref();
  return worker;
}

/**
 * Starts the loading thread now, so its loader and the DSL load while the CLI parses its arguments
 * and reads its config; the next ModuleLoader takes it over. `tsconfig`: the one the command expects to use.
 */
export function prestartModuleLoader(tsconfig: string | undefined): void {
  prestarted ??= newThread(tsconfig);
}

function loadingNotice(loading: ModuleLoading): string {
  if (loading.by === "oxc") return "loading workflow modules with type stripping by oxc-transform";
  if (loading.by === "node") return `loading workflow modules with Node's type stripping: ${loading.why}`;
  return `loading workflow modules through tsx: ${loading.why}`;
}

/**
 * Evaluates the user's workflow modules on a thread of their own. A module that calls
 * `process.exit`, throws from a timer, rejects unhandled or loops forever at load time ends that
 * thread (stopped after the timeout), and becomes SW0002 for that file; the CLI carries on with the
 * other files and decides its exit status itself. Keep one for a watch session: the thread stays
 * warm, each load a new version of the user's modules.
 */
export class ModuleLoader {
  readonly #timeoutMs: number;
  readonly #onNotice: ((line: string) => void) | undefined;
  readonly #rebuilds: boolean;
  #said: string | undefined;
  #worker: Worker | undefined;
  #next = 0;

  constructor(options: ModuleLoaderOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#onNotice = options.onNotice;
    this.#rebuilds = options.rebuilds ?? false;
    // The thread the CLI started before reading its config, warm by now.
    this.#worker = prestarted && this.#watch(prestarted);
    prestarted = undefined;
  }

  #start(tsconfig: string | undefined): Worker {
    return this.#watch(newThread(tsconfig));
  }

  #watch(worker: Worker): Worker {
    // A thread that ends between loads (a rejection that fired late) is replaced at the next load.
    worker.once("exit", () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
    return worker;
  }

  /**
   * Loads the files one by one, for the project of `tsconfig` (undefined: none was found); a file
   * that ends or stops the thread is a diagnostic, and the rest still load.
   */
  async load(files: readonly string[], cwd: string, warnEmpty: boolean, tsconfig?: string): Promise<LoadResult> {
    const loaded: LoadResult["loaded"] = [];
    const diagnostics: Diagnostic[] = [];
    for (const given of files) {
      const outcome = await this.#run(given, cwd, warnEmpty, tsconfig);
      if ("result" in outcome) {
        loaded.push(...outcome.result.loaded);
        diagnostics.push(...outcome.result.diagnostics);
        if (outcome.result.loading) this.#notice(loadingNotice(outcome.result.loading));
      } else {
        const file = resolve(cwd, given);
        diagnostics.push(diagnostic(loadCodes.moduleFailed, `Could not load ${given}: ${outcome.why}`, { file, line: 1, column: 1 }));
      }
    }
    return { loaded, diagnostics };
  }

  #notice(line: string): void {
    if (line === this.#said) return;
    this.#said = line;
    this.#onNotice?.(line);
  }

  #run(file: string, cwd: string, warnEmpty: boolean, tsconfig: string | undefined): Promise<{ result: LoadResult } | { why: string }> {
    const worker = (this.#worker ??= this.#start(tsconfig));
    const id = this.#next++;
    worker.ref();
    return new Promise((done) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (value: Parameters<typeof done>[0]) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("exit", onExit).off("error", onError);
        worker.unref();
        done(value);
      };
      const lost = (why: string) => {
        this.#worker = undefined;
        void worker.terminate();
        finish({ why });
      };
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(
          () => lost(`it did not finish loading within ${this.#timeoutMs / 1000} s (an endless loop at the top level?); it was stopped`),
          ms,
        );
      };
      const onMessage = (message: Message) => {
        if (!("id" in message) || message.id !== id) return;
        if ("loading" in message) arm(this.#timeoutMs);
        else if ("result" in message) finish({ result: message.result });
        else lost(`the loader failed: ${message.failed.split("\n")[0]}`);
      };
      const onExit = (code: number) => lost(`it ended the process while loading (process.exit(${code}))`);
      const onError = (error: Error) =>
        lost(
          `it failed outside its own code path: ${error.name}: ${error.message.split("\n")[0]} (an error thrown from a timer, or an unhandled rejection)`,
        );
      worker.on("message", onMessage).on("exit", onExit).on("error", onError);
      // The file's own time starts when the thread begins to import it; starting the thread is not its fault.
      arm(Math.max(this.#timeoutMs, 60_000));
      worker.postMessage({ id, files: [file], cwd, warnEmpty, tsconfig, rebuilds: this.#rebuilds });
    });
  }

  close(): Promise<number | undefined> {
    const worker = this.#worker;
    this.#worker = undefined;
    return worker ? worker.terminate() : Promise.resolve(undefined);
  }
}
