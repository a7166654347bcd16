import type { JsonPath, MergeResult, WritePath } from "../data/path-string.js";
import type { ContextObject } from "../data/proxy.js";
import { rootRef } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { Resolve, Template } from "../data/template.js";
import type { JsonataExpr } from "../data/jsonata.js";
import type { Chainable, flowType, inType, Loose, outType, Terminal } from "./chain.js";
import type { NextFn } from "./chain.js";
import { catchDraft, type CatchOptions, numberOrPath, recordBuild, recordSelector, retrierOf } from "./io.js";
import { callSite } from "./source.js";
import { NextableStepValue, type Step } from "./step.js";
import type { Flow } from "./flow.js";
import type { CatchInput, ErrorName, Picked, RawIn, RetryOptions, StateOutput } from "./types.js";

export type ResultKind = "Task" | "Parallel" | "Map";

/**
 * When ResultPath merges the result into the input (or drops it), the output depends on the actual
 * input: a Flow that `.next` applies to the previous step's output, so none of its fields is lost.
 */
type ResultFlow<R, RP extends string | null, OP> = RP extends "$" ? never : Flow<"$", R, RP, OP>;

/**
 * A state that produces a result — Task, Parallel, Map — with ASL's data flow, typed at each stage:
 * raw input →InputPath→ effective input (`Eff`) →Parameters→ request (`Req`) → result (`R`)
 * →ResultSelector→ →ResultPath (`RP`)→ →OutputPath (`OP`)→ output.
 * The state's input and output types follow whatever order the methods are called in.
 */
/** Type-only marker of a step's integration request and result (its key's type is unexported: never offered by the editor). */
declare const taskIoKey: unique symbol;
export const taskIo: typeof taskIoKey = Symbol.for("stepwright.taskIo") as typeof taskIoKey;
declare const stateKindKey: unique symbol;

export class ResultStep<K extends ResultKind, Req, Eff, R, RP extends string | null = "$", OP = "$", IP = "$">
  extends NextableStepValue
  implements Step<RawIn<Eff, IP>, StateOutput<Eff, R, RP, OP, IP>>
{
  declare readonly [inType]: (input: RawIn<Eff, IP>) => void;
  declare readonly [outType]: StateOutput<Eff, R, RP, OP, IP>;
  declare readonly [flowType]: ResultFlow<R, RP, OP>;
  declare readonly next: NextFn<RawIn<Eff, IP>, StateOutput<Eff, R, RP, OP, IP>>;
  /** Type-only: which kind of state this is (a symbol key: never offered by the editor). */
  declare readonly [stateKindKey]: K;
  /** Type-only: what the step's integration receives and returns (what a test mock stands in for). */
  declare readonly [taskIoKey]: { readonly request: Req; readonly result: R };

  /** Selects the part of the state input the step works on (`"$.order"`); `null` gives it `{}`. */
  inputPath<P extends `$${string}` | null>(path: P): ResultStep<K, Req, Eff, R, RP, OP, P>;
  /** Selects the part of the (declared) state input the step works on: `($: Ref<Order>) => $.customer`. */
  inputPath<Raw>(selector: ($: Ref<Raw>, $$: Ref<ContextObject>) => RefBase<Eff>): ResultStep<K, Req, Eff, R, RP, OP, Picked<Raw>>;
  inputPath(path: unknown): unknown {
    return this.with({ inputPath: path === null ? null : recordSelector(path as string) });
  }

  /**
   * Builds the request from the input (JSONPath `Parameters`): leaves are references, intrinsics or
   * literals. `.parameters<Order>($ => ({ id: $.order.id, source: "web" }))`.
   */
  parameters<X>(build: ($: Ref<X>, $$: Ref<ContextObject>) => Template<Req>): ResultStep<K, Req, X, R, RP, OP, IP> {
    return this.with({ parameters: recordBuild(build) });
  }

  /** Builds the request from the input (JSONata `Arguments`). */
  arguments<X>(build: ($: Ref<X>, $$: Ref<ContextObject>) => Template<Req>): ResultStep<K, Req, X, R, RP, OP, IP> {
    return this.with({ arguments: recordBuild(build) });
  }

  /** Reshapes the result before ResultPath: `.resultSelector(r => ({ id: r.Payload.id }))`. */
  resultSelector<B extends object>(build: (result: Ref<R>, $$: Ref<ContextObject>) => B): ResultStep<K, Req, Eff, Resolve<B>, RP, OP, IP> {
    return this.with({ resultSelector: build(rootRef({ kind: "result" }) as Ref<R>, rootRef({ kind: "context" }) as never) });
  }

  /** Where the result goes: replaces the input (`"$"`), merges into it (`"$.charge"`), or is dropped (`null`). */
  resultPath<P extends WritePath | null>(path: P): ResultStep<K, Req, Eff, R, P, OP, IP> {
    return this.with({ resultPath: path });
  }

  /** Selects the part of the output passed on (`"$.charge.id"`). */
  outputPath<P extends JsonPath<MergeResult<RawIn<Eff, IP>, RP, R>> | null>(path: P): ResultStep<K, Req, Eff, R, RP, P, IP>;
  outputPath<O>(
    selector: ($: Ref<MergeResult<RawIn<Eff, IP>, RP, R>>, $$: Ref<ContextObject>) => RefBase<O>,
  ): ResultStep<K, Req, Eff, R, RP, Picked<O>, IP>;
  outputPath(path: unknown): unknown {
    return this.with({ outputPath: path === null ? null : recordSelector(path as string) });
  }

  /** JSONata `Output`: the state output, built from the input and the result. */
  output<B>(build: ($: Ref<RawIn<Eff, IP>>, result: Ref<R>, $$: Ref<ContextObject>) => B): ResultStep<K, Req, Eff, R, RP, Picked<Resolve<B>>, IP> {
    return this.with({ output: build(rootRef({ kind: "input" }) as never, rootRef({ kind: "result" }) as never, rootRef({ kind: "context" }) as never) });
  }

  /** Sets workflow variables from the input and the result (`Assign`). */
  assign(build: ($: Ref<RawIn<Eff, IP>>, result: Ref<R>, $$: Ref<ContextObject>) => Record<string, unknown>): this {
    return this.with({ assign: build(rootRef({ kind: "input" }) as never, rootRef({ kind: "result" }) as never, rootRef({ kind: "context" }) as never) });
  }

  /** Retries on the given errors; call again for more retriers (they are tried in order). */
  retry(options: RetryOptions): this {
    return this.append("retry", retrierOf(options));
  }

  /**
   * Goes to `handler` when one of `errors` is raised (after retries). The handler receives
   * `{ Error, Cause }`, or the state input with it merged at `resultPath`.
   */
  catch<P extends WritePath | null | undefined = undefined>(
    errors: ErrorName | readonly ErrorName[],
    handler: Chainable<NoInfer<Loose<CatchInput<RawIn<Eff, IP>, P>>>, unknown> | Terminal<NoInfer<Loose<CatchInput<RawIn<Eff, IP>, P>>>>,
    options?: CatchOptions<P>,
  ): this {
    const source = callSite();
    return this.append("catch", { ...catchDraft(errors, handler, options as CatchOptions<unknown>), ...(source ? { source } : {}) });
  }

  /** Fails the task with States.Timeout after this many seconds (a number, a path, or a JSONata expression). */
  timeout(this: ResultStep<"Task", Req, Eff, R, RP, OP, IP>, seconds: number | JsonataExpr<number> | JsonPath<RawIn<Eff, IP>> | (($: Ref<RawIn<Eff, IP>>) => RefBase<number>)): this {
    const { value, path } = numberOrPath(seconds);
    return (this as any).with({ timeoutSeconds: value, timeoutSecondsPath: path });
  }

  /** Fails the task with States.HeartbeatTimeout if no heartbeat arrives for this many seconds. */
  heartbeat(this: ResultStep<"Task", Req, Eff, R, RP, OP, IP>, seconds: number | JsonataExpr<number> | JsonPath<RawIn<Eff, IP>> | (($: Ref<RawIn<Eff, IP>>) => RefBase<number>)): this {
    const { value, path } = numberOrPath(seconds);
    return (this as any).with({ heartbeatSeconds: value, heartbeatSecondsPath: path });
  }

  /** Runs the task with another IAM role (cross-account): a role ARN, or a path to read it from. */
  credentials(this: ResultStep<"Task", Req, Eff, R, RP, OP, IP>, roleArn: string | (($: Ref<RawIn<Eff, IP>>) => RefBase<string>)): this {
    return (this as any).with({ credentials: typeof roleArn === "string" ? { roleArn } : { roleArnPath: recordSelector(roleArn as never) } });
  }
}
