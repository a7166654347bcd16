import type { RetrierNode } from "../ir/retrier.js";
import type { CatchDraft, ChainData } from "./draft.js";
import { recordBuild, recordSelector, type Selector, type SelectorDraft } from "./selector.js";
import type { JsonataExpr } from "../data/jsonata.js";
import type { RetryOptions } from "./types.js";
import { chainData } from "./chain.js";
import { rootRef } from "../data/proxy.js";
import { $$ } from "../data/proxy.js";

export function retrierOf(options: RetryOptions): RetrierNode {
  const r: { -readonly [F in keyof RetrierNode]: RetrierNode[F] } = { errorEquals: [...options.errors] };
  if (options.intervalSeconds !== undefined) r.intervalSeconds = options.intervalSeconds;
  if (options.maxAttempts !== undefined) r.maxAttempts = options.maxAttempts;
  if (options.backoffRate !== undefined) r.backoffRate = options.backoffRate;
  if (options.maxDelaySeconds !== undefined) r.maxDelaySeconds = options.maxDelaySeconds;
  if (options.jitter !== undefined) r.jitterStrategy = options.jitter;
  if (options.comment !== undefined) r.comment = options.comment;
  return r;
}

export interface CatchOptions<P> {
  /** Where the error output goes in the state input (`"$.error"`); without it, it replaces the input. */
  readonly resultPath?: P;
  /** JSONata: the handler's input, built from the state input and `$states.errorOutput`. */
  readonly output?: (input: any, error: any) => unknown;
  /** Variables to set when this catcher fires. */
  readonly assign?: (input: any, error: any) => Record<string, unknown>;
  readonly comment?: string;
}

export function catchDraft(errors: string | readonly string[], handler: unknown, options: CatchOptions<unknown> = {}): CatchDraft {
  if (!handler || typeof handler !== "object" || !(chainData in handler)) throw new TypeError(".catch() needs a handler step or chain");
  const error = rootRef({ kind: "errorOutput" });
  const input = rootRef({ kind: "input" });
  return {
    errors: typeof errors === "string" ? [errors] : [...errors],
    handler: (handler as { [chainData]: ChainData })[chainData],
    ...(options.resultPath !== undefined ? { resultPath: options.resultPath as string | null } : {}),
    ...(options.output ? { output: options.output(input, error) } : {}),
    ...(options.assign ? { assign: options.assign(input, error) } : {}),
    ...(options.comment !== undefined ? { comment: options.comment } : {}),
  };
}

/** A duration or count: a number, a JSONata expression, or a path to read it from. */
export function numberOrPath<T>(value: number | JsonataExpr<number> | Selector<T, number>): {
  value?: number | JsonataExpr<number>;
  path?: SelectorDraft;
} {
  if (typeof value === "string" || typeof value === "function") return { path: recordSelector(value) };
  return { value };
}

export { recordBuild, recordSelector, $$ };
