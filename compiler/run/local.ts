import { Execution } from "./engine/execution.js";
import type { EngineEvent } from "./engine/events.js";
import { statesErrorOf } from "./engine/errors.js";
import { ObjectStore } from "./engine/objects.js";
import { invokeLambda } from "./invoke-aws.js";

export { ObjectStore } from "./engine/objects.js";
export { StepError } from "./step-error.js";

export type TaskHandler = (input: any) => unknown;

export interface LocalRunOptions {
  /** Task states answered locally: by state name, or by Resource ARN (every Task calling it). */
  readonly mocks?: Readonly<Record<string, TaskHandler>>;
  /** Every event, as it happens (for --trace). */
  readonly onEvent?: (event: LocalEvent) => void;
  /** Task states that may call AWS for real (`stepwright run --invoke-aws`); every other unmocked Task fails. */
  readonly callAws?: ReadonlySet<string>;
  /** Calls a real Lambda function for a state in `callAws`: its result. */
  readonly invokeAws?: (resource: string, input: unknown) => Promise<unknown>;
  /** What an unmocked Task's failure says (how to give it a mock, in the caller's words). */
  readonly noMock?: (state: string) => string;
  /** The S3 objects a Distributed Map's ItemReader may read. */
  readonly objects?: ObjectStore;
  /** Where a Distributed Map's ResultWriter writes (`<dir>/<bucket>/<key>`). */
  readonly resultsDir?: string;
  /** Names ARNs of the execution and its Map runs (defaults: us-east-1, 000000000000). */
  readonly region?: string;
  readonly account?: string;
  readonly stateMachineName?: string;
  /** Stops a run after this many state transitions, as AWS stops at 25,000 history events (the default). */
  readonly maxTransitions?: number;
}

export type LocalEvent = EngineEvent;

export interface LocalRun {
  readonly output?: unknown;
  /** Why the execution failed: the error name and cause AWS would report. */
  readonly error?: { readonly error: string; readonly cause: unknown };
  /** Names of the states entered, in order (Map and Parallel children included). */
  readonly path: readonly string[];
  /** Names of the states retried, once per retry, in order. */
  readonly retried: readonly string[];
  /** Names of the states whose error a catcher caught, in order. */
  readonly caught: readonly string[];
  /** Each catch: the state and the error its catcher caught, in order. */
  readonly caughtErrors: readonly { readonly state: string; readonly error: string }[];
  /** Where a failed execution stopped: the state whose error nothing caught. */
  readonly failedState?: string;
  /** The top-level workflow variables when the run ended, by name. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** What Distributed Maps' ResultWriters wrote, by `s3://bucket/key`. */
  readonly written: ReadonlyMap<string, string>;
  /** Every event, in order: each state's input and output, the paths and expressions evaluated with their values, variables assigned, retries and caught errors. */
  readonly trace: readonly LocalEvent[];
}

/** Visits every state of a definition, those of Parallel branches and Map processors included. */
export function eachState(graph: Record<string, any>, visit: (name: string, state: Record<string, any>) => void): void {
  for (const [name, state] of Object.entries(graph.States ?? {}) as [string, Record<string, any>][]) {
    visit(name, state);
    for (const branch of state.Branches ?? []) eachState(branch, visit);
    if (state.ItemProcessor) eachState(state.ItemProcessor, visit);
    if (state.Iterator) eachState(state.Iterator, visit);
  }
}

/** The Task states of a definition, nested ones included, with their Resource. */
export function taskStates(asl: Record<string, any>): { name: string; resource: unknown }[] {
  const tasks: { name: string; resource: unknown }[] = [];
  eachState(asl, (name, state) => state.Type === "Task" && tasks.push({ name, resource: state.Resource }));
  return tasks;
}

/**
 * Mocks as the engine takes them, by state name or Resource: each target's handlers answer in
 * turn, the last one every call after. A target that is no Task state or Resource of the
 * definition is a mistake (a typo would otherwise pass in silence): `unknown` says it in the
 * caller's words.
 */
export function mocksInTurn(
  given: Iterable<readonly [string, readonly TaskHandler[]]>,
  asl: Record<string, any>,
  unknown: (target: string, tasks: string) => Error,
): Record<string, TaskHandler> {
  const tasks = taskStates(asl);
  const known = new Set([...tasks.map((t) => t.name), ...tasks.map((t) => String(t.resource))]);
  const mocks: Record<string, TaskHandler> = Object.create(null) as Record<string, TaskHandler>;
  for (const [target, handlers] of given) {
    if (!known.has(target)) throw unknown(target, tasks.map((t) => t.name).join(", ") || "none");
    let calls = 0;
    mocks[target] = (request) => handlers[Math.min(calls++, handlers.length - 1)]!(request);
  }
  return mocks;
}

/**
 * The guard between a local run and AWS: a Task answers with its mock (by state name, else by
 * Resource), or (allowed to) calls AWS, or fails with Stepwright.NoMock, naming the state.
 */
function answerer(options: LocalRunOptions) {
  const mocks = options.mocks ?? {};
  return async ({ state, resource, input }: { state: string; resource: string; input: unknown }) => {
    const mock = Object.hasOwn(mocks, state) ? mocks[state] : Object.hasOwn(mocks, resource) ? mocks[resource] : undefined;
    if (mock) return structuredClone(await mock(structuredClone(input)));
    if (options.callAws?.has(state))
      return (options.invokeAws ?? ((r, i) => invokeLambda(r, i, options.region ?? "us-east-1")))(resource, input);
    const message = options.noMock?.(state) ?? `Task "${state}" has no mock, and a local run never calls AWS`;
    throw Object.assign(new Error(message), { name: "Stepwright.NoMock" });
  };
}

/**
 * Runs ASL locally, with Stepwright's engine: every state, field and query language AWS runs,
 * Tasks answered by `mocks`, Wait states not waiting, retries not sleeping.
 * @example const asl = emitAsl(orders.assemble().ir, { region: "us-east-1", account: "123456789012" });
 * const run = await runLocally(asl, { orderId: "o-1", total: 20 }, { mocks: { Validate: (order) => order } });
 */
export async function runLocally(asl: Record<string, any>, input: unknown, options: LocalRunOptions = {}): Promise<LocalRun> {
  const written = new Map<string, string>();
  const trace: LocalEvent[] = [];
  const execution = new Execution({
    answer: answerer(options),
    onEvent: (event) => {
      trace.push(event);
      options.onEvent?.(event);
    },
    objects: options.objects ?? new ObjectStore(),
    ...(options.resultsDir ? { resultsDir: options.resultsDir } : {}),
    written,
    region: options.region ?? "us-east-1",
    account: options.account ?? "000000000000",
    ...(options.stateMachineName ? { stateMachineName: options.stateMachineName } : {}),
    ...(options.maxTransitions ? { maxTransitions: options.maxTransitions } : {}),
  });
  const result = await execution.run(asl as never, input);
  const record = {
    path: execution.path,
    retried: execution.retried,
    caught: execution.caughtErrors.map((c) => c.state),
    caughtErrors: execution.caughtErrors,
    variables: result.variables,
    written,
    trace,
  };
  if (result.error) {
    const { error, cause } = statesErrorOf(result.error);
    return { ...record, error: { error, cause }, ...(execution.failedState ? { failedState: execution.failedState } : {}) };
  }
  return { ...record, output: result.output };
}
