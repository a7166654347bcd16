/**
 * Time in a local run: Wait states and retry intervals pass on a virtual clock, at once, in the
 * order real time would pass them. Branches of a Parallel and iterations of a Map run side by side
 * as AWS runs them; when every one is waiting, the clock moves to the earliest wake-up. So a poll
 * that waits a minute against a timeout that waits an hour goes round sixty times, then times out,
 * as it would in AWS, without waiting at all.
 */
export class VirtualClock {
  #now: number;
  #sequence = 0;
  #sleepers: { at: number; order: number; wake: () => void }[] = [];
  /** Work the clock must not overtake: mocks answering (they may await anything). */
  #busy = 0;
  #scheduled = false;

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Resolves when the clock reaches `seconds` from now; rejects if `signal` aborts first. */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const abort = () => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        reject(signal!.reason);
      };
      // The listener goes when the sleeper wakes: a loop of waits must not pile them up on the signal.
      const sleeper = {
        at: this.#now + Math.max(0, seconds) * 1000,
        order: this.#sequence++,
        wake: () => {
          signal?.removeEventListener("abort", abort);
          resolve();
        },
      };
      this.#sleepers.push(sleeper);
      signal?.addEventListener("abort", abort, { once: true });
      this.#kick();
    });
  }

  /** Runs work outside the clock (a mock): time does not pass while it is under way. */
  async outside<T>(work: () => Promise<T> | T): Promise<T> {
    this.#busy++;
    try {
      return await work();
    } finally {
      this.#busy--;
      this.#kick();
    }
  }

  #kick(): void {
    if (this.#scheduled || this.#sleepers.length === 0) return;
    this.#scheduled = true;
    // After every runnable branch has gone as far as it can (the microtasks have drained).
    setImmediate(() => this.#advance());
  }

  #advance(): void {
    this.#scheduled = false;
    if (this.#busy > 0 || this.#sleepers.length === 0) return;
    this.#sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
    const first = this.#sleepers[0]!;
    const due = this.#sleepers.filter((s) => s.at === first.at);
    this.#sleepers = this.#sleepers.slice(due.length);
    this.#now = Math.max(this.#now, first.at);
    for (const sleeper of due) sleeper.wake();
    this.#kick();
  }
}

/** What a branch or iteration stopped because another failed throws: no Catch or Retry sees it. */
export class Stopped extends Error {
  constructor() {
    super("stopped: another branch or iteration failed");
    this.name = "Stopped";
  }
}
