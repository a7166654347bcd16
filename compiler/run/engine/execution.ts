import { partitionOf } from "../../base/aws-names.js";
import { Stopped, VirtualClock } from "./clock.js";
import { StatesError, errorMatches, statesErrorOf } from "./errors.js";
import type { EngineEvent } from "./events.js";
import { evaluateField, type JsonataScope } from "./jsonata.js";
import type { ObjectStore } from "./objects.js";
import { ruleHolds } from "./choice.js";
import { applyTemplate, dynamicValue, filterPath, type PathScope, placeResult } from "./paths.js";
import { runMap, runParallel, runPass, runTask, runWait } from "./states.js";
import { VariableScope } from "./variables.js";

/** A Task's answer in a local run: the state's name and Resource, and its effective input. */
export type TaskAnswer = (task: {
  readonly state: string;
  readonly resource: string;
  readonly input: unknown;
  readonly context: unknown;
}) => Promise<unknown>;

export interface EngineOptions {
  readonly answer: TaskAnswer;
  readonly onEvent?: (event: EngineEvent) => void;
  readonly objects?: ObjectStore;
  /** Where ResultWriter writes: `<resultsDir>/<bucket>/<key>`, and `written` by URI. */
  readonly resultsDir?: string;
  readonly written?: Map<string, string>;
  readonly region: string;
  readonly account: string;
  readonly stateMachineName?: string;
  /** AWS fails an execution whose history passes 25,000 events: a loop that never ends stops here. */
  readonly maxTransitions?: number;
}

type Graph = { readonly StartAt: string; readonly States: Readonly<Record<string, State>>; readonly QueryLanguage?: string };
type State = Record<string, any>;

/** Where a graph runs: its variables, the context object it sees, and its query language. */
interface Frame {
  readonly variables: VariableScope;
  readonly context: Record<string, unknown>;
  readonly language: string;
  /** Aborts when a sibling branch or iteration fails: this one stops at its next state. */
  readonly signal?: AbortSignal;
  /** The execution's count of state transitions (a Distributed Map's child executions count their own). */
  readonly transitions: { count: number };
}

/** How a state ended: its output and where it goes (none: the graph ends with it). */
interface Step {
  readonly output: unknown;
  readonly next?: string;
}

interface Retrier {
  readonly ErrorEquals: string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: "FULL" | "NONE";
}

/** Seconds before the retry after `done` earlier retries. */
function retryDelay(retrier: Retrier, done: number): number {
  const delay = Math.min(
    (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** done,
    retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY,
  );
  return retrier.JitterStrategy === "FULL" ? Math.random() * delay : delay;
}

/**
 * One local execution of a definition, faithful to the Amazon States Language and AWS's documented
 * behaviour: JSONPath and JSONata states (mixed as AWS allows), variables, every intrinsic,
 * Retry and Catch, Parallel, Inline and Distributed Map.
 */
export class Execution {
  readonly path: string[] = [];
  readonly retried: string[] = [];
  readonly caughtErrors: { state: string; error: string }[] = [];
  failedState: string | undefined;
  #mapRuns = 0;
  readonly partition: string;
  readonly clock = new VirtualClock();

  constructor(readonly options: EngineOptions) {
    this.partition = partitionOf(options.region);
  }

  /** Runs the definition on `input`: its output, or the error that failed it. */
  async run(
    definition: Graph,
    input: unknown,
    name = "local",
  ): Promise<{ output?: unknown; error?: StatesError; variables: Record<string, unknown> }> {
    const machine = this.options.stateMachineName ?? "local";
    const { region, account } = this.options;
    const context = {
      Execution: {
        Id: `arn:${this.partition}:states:${region}:${account}:execution:${machine}:${name}`,
        Input: input,
        Name: name,
        RoleArn: `arn:${this.partition}:iam::${account}:role/local`,
        StartTime: this.clock.now().toISOString(),
        RedriveCount: 0,
      },
      StateMachine: { Id: `arn:${this.partition}:states:${region}:${account}:stateMachine:${machine}`, Name: machine },
    };
    const variables = new VariableScope();
    try {
      const output = await this.runGraph(definition, input, {
        variables,
        context,
        language: definition.QueryLanguage ?? "JSONPath",
        transitions: { count: 0 },
      });
      this.#emit({ type: "ExecutionSucceeded", output });
      return { output, variables: variables.all() };
    } catch (thrown) {
      const error = statesErrorOf(thrown);
      this.#emit({ type: "ExecutionFailed", error: error.error, cause: error.cause });
      return { error, variables: variables.all() };
    }
  }

  /** Runs a graph from its StartAt to a state that ends it; its output, or the error nothing caught. */
  async runGraph(graph: Graph, input: unknown, frame: Frame): Promise<unknown> {
    let name: string | undefined = graph.StartAt;
    let value = input;
    while (name !== undefined) {
      if (frame.signal?.aborted) throw new Stopped();
      const state = graph.States[name];
      if (!state) throw new StatesError("States.Runtime", `The definition has no state "${name}".`);
      const limit = this.options.maxTransitions ?? 25_000;
      if (++frame.transitions.count > limit)
        throw new StatesError(
          "States.Runtime",
          `The execution passed ${limit} state transitions (AWS stops an execution at 25,000 history events), going round ${this.#goingRound()}.`,
        );
      const step = await this.#runState(name, state, value, frame);
      value = step.output;
      name = step.next;
    }
    return value;
  }

  /** The states entered most in the last thousand transitions: the loop that does not end. */
  #goingRound(): string {
    const counts = new Map<string, number>();
    for (const name of this.path.slice(-1000)) counts.set(name, (counts.get(name) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    return top.map(([name, n]) => `"${name}" (${n} times)`).join(", ");
  }

  #emit(event: EngineEvent): void {
    this.options.onEvent?.(event);
  }

  async #runState(name: string, state: State, input: unknown, frame: Frame): Promise<Step> {
    const language = state.QueryLanguage ?? frame.language;
    const entered = { ...frame.context, State: { Name: name, EnteredTime: this.clock.now().toISOString(), RetryCount: 0 } };
    const here: Frame = { ...frame, context: entered, language };
    this.path.push(name);
    this.#emit({ type: "StateEntered", state: name, input });
    try {
      const step = await this.#withRetries(name, state, input, here);
      this.#emit({ type: "StateExited", state: name, output: step.output });
      return step;
    } catch (thrown) {
      if (thrown instanceof Stopped) throw thrown;
      const error = statesErrorOf(thrown);
      this.#emit({ type: "StateFailed", state: name, error: error.error, cause: error.cause });
      const caught = await this.#caught(name, state, input, here, error);
      if (caught) return caught;
      this.failedState ??= name;
      throw error;
    }
  }

  /**
   * A state run again as its Retriers say (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html):
   * the first Retrier whose ErrorEquals matches, up to its MaxAttempts (3 by default), each after
   * IntervalSeconds (1) times BackoffRate (2.0) per attempt before, at most MaxDelaySeconds, and
   * with JitterStrategy FULL a random part of that. The wait passes on the run's virtual clock.
   */
  async #withRetries(name: string, state: State, input: unknown, frame: Frame): Promise<Step> {
    const attempts = new Map<number, number>();
    for (let retry = 0; ; retry++) {
      try {
        const context = { ...frame.context, State: { ...(frame.context.State as object), RetryCount: retry } };
        return await this.#execute(name, state, input, { ...frame, context });
      } catch (thrown) {
        if (thrown instanceof Stopped) throw thrown;
        const error = statesErrorOf(thrown);
        const retriers = (state.Retry ?? []) as Retrier[];
        const index = retriers.findIndex((r) => errorMatches(r.ErrorEquals, error.error));
        const done = attempts.get(index) ?? 0;
        if (index < 0 || done >= (retriers[index]!.MaxAttempts ?? 3)) throw error;
        attempts.set(index, done + 1);
        this.retried.push(name);
        this.#emit({ type: "StateRetried", state: name, error: error.error, cause: error.cause });
        await this.clock.sleep(retryDelay(retriers[index]!, done), frame.signal);
      }
    }
  }

  /** The first Catcher that matches: the error output handed on as it says, and where it goes. */
  async #caught(name: string, state: State, input: unknown, frame: Frame, error: StatesError): Promise<Step | undefined> {
    const catcher = ((state.Catch ?? []) as Record<string, any>[]).find((c) => errorMatches(c.ErrorEquals, error.error));
    if (!catcher) return undefined;
    const errorOutput = { Error: error.error, Cause: error.cause };
    let output: unknown;
    let assigned: Record<string, unknown> | undefined;
    if (frame.language === "JSONata") {
      const scope = this.jsonataScope(name, frame, { input, errorOutput });
      output = catcher.Output === undefined ? errorOutput : await evaluateField(catcher.Output, scope, "Output");
      if (catcher.Assign !== undefined) assigned = (await evaluateField(catcher.Assign, scope, "Assign")) as Record<string, unknown>;
    } else {
      if (catcher.Assign !== undefined)
        assigned = applyTemplate(catcher.Assign, this.pathScope(name, frame, errorOutput)) as Record<string, unknown>;
      output = placeResult(input, catcher.ResultPath, errorOutput, name);
    }
    if (assigned) this.#assign(name, frame, assigned);
    this.caughtErrors.push({ state: name, error: error.error });
    this.#emit({ type: "StateCaught", state: name, error: error.error, cause: error.cause, output });
    return { output, next: catcher.Next };
  }

  #assign(name: string, frame: Frame, values: Record<string, unknown>): void {
    frame.variables.assign(values);
    this.#emit({ type: "VariablesAssigned", state: name, variables: values });
  }

  /** What a JSONPath path or template of the state reads: `input` as `$`, the context, the variables. */
  pathScope(name: string, frame: Frame, input: unknown): PathScope {
    return { input, context: frame.context, variable: (v) => frame.variables.lookup(v), state: name, evaluated: this.#evaluated(name) };
  }

  /** What a JSONata expression of the state reads: `$states` and the variables. */
  jsonataScope(name: string, frame: Frame, states: { input: unknown; result?: unknown; errorOutput?: unknown }): JsonataScope {
    return {
      states: { ...states, context: frame.context },
      variables: frame.variables.all(),
      partition: this.partition,
      state: name,
      evaluated: this.#evaluated(name),
    };
  }

  #evaluated(state: string): ((expression: string, value: unknown) => void) | undefined {
    return this.options.onEvent ? (expression, value) => this.#emit({ type: "Evaluated", state, expression, output: value }) : undefined;
  }

  /** A state's work once (each attempt of a retried state): its output and where it goes. */
  async #execute(name: string, state: State, input: unknown, frame: Frame): Promise<Step> {
    const next = state.End === true || state.Type === "Succeed" || state.Type === "Fail" ? undefined : state.Next;
    const jsonata = frame.language === "JSONata";
    switch (state.Type) {
      case "Fail":
        throw await this.#failure(name, state, input, frame);
      case "Choice":
        return this.#choice(name, state, input, frame);
      default:
        break;
    }
    const effective = jsonata ? input : filterPath(state.InputPath, input, this.pathScope(name, frame, input));
    const result = await this.#work(name, state, input, effective, frame);
    if (jsonata) {
      const scope = this.jsonataScope(name, frame, { input, ...(result.has ? { result: result.value } : {}) });
      const output = state.Output !== undefined ? await evaluateField(state.Output, scope, "Output") : result.has ? result.value : input;
      if (state.Assign !== undefined)
        this.#assign(name, frame, (await evaluateField(state.Assign, scope, "Assign")) as Record<string, unknown>);
      return { output, next };
    }
    // JSONPath: ResultSelector reshapes the result, Assign reads it (or the input where the state has none), ResultPath places it.
    let value = result.has ? result.value : effective;
    if (result.has && state.ResultSelector !== undefined) value = applyTemplate(state.ResultSelector, this.pathScope(name, frame, value));
    const assigned =
      state.Assign === undefined ? undefined : (applyTemplate(state.Assign, this.pathScope(name, frame, value)) as Record<string, unknown>);
    const placed = state.Type === "Succeed" || state.Type === "Wait" ? effective : placeResult(input, state.ResultPath, value, name);
    const output = filterPath(state.OutputPath, placed, this.pathScope(name, frame, placed));
    if (assigned) this.#assign(name, frame, assigned);
    return { output, next };
  }

  /** What the state does: a result (Task, Map, Parallel, Pass), or none (Wait, Succeed: the input goes on). */
  async #work(name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<{ has: boolean; value?: unknown }> {
    switch (state.Type) {
      case "Task":
        return { has: true, value: await runTask(this, name, state, raw, effective, frame) };
      case "Parallel":
        return { has: true, value: await runParallel(this, name, state, raw, effective, frame) };
      case "Map":
        return { has: true, value: await runMap(this, name, state, raw, effective, frame) };
      case "Pass":
        return runPass(this, name, state, raw, effective, frame);
      case "Wait":
        await runWait(this, name, state, raw, effective, frame);
        return { has: false };
      case "Succeed":
        return { has: false };
      default:
        throw new StatesError("States.Runtime", `State "${name}" has Type ${String(state.Type)}, which ASL does not define.`);
    }
  }

  async #failure(name: string, state: State, input: unknown, frame: Frame): Promise<StatesError> {
    if (frame.language === "JSONata") {
      const scope = this.jsonataScope(name, frame, { input });
      const error = state.Error === undefined ? undefined : await evaluateField(state.Error, scope, "Error");
      const cause = state.Cause === undefined ? undefined : await evaluateField(state.Cause, scope, "Cause");
      return new StatesError(String(error ?? ""), String(cause ?? ""));
    }
    const scope = this.pathScope(name, frame, input);
    const error = state.ErrorPath !== undefined ? dynamicValue(state.ErrorPath, scope) : state.Error;
    const cause = state.CausePath !== undefined ? dynamicValue(state.CausePath, scope) : state.Cause;
    return new StatesError(String(error ?? ""), String(cause ?? ""));
  }

  /**
   * A Choice: the first rule that holds, else its Default (none: States.NoChoiceMatched). The rule
   * chosen (the Default as a rule of its own) sets the output and the variables: its own Output and
   * Assign, else the state's.
   */
  async #choice(name: string, state: State, input: unknown, frame: Frame): Promise<Step> {
    const rules = (state.Choices ?? []) as Record<string, any>[];
    const jsonata = frame.language === "JSONata";
    const scope = jsonata ? this.jsonataScope(name, frame, { input }) : undefined;
    const effective = jsonata ? input : filterPath(state.InputPath, input, this.pathScope(name, frame, input));
    const paths = this.pathScope(name, frame, effective);
    let chosen: Record<string, any> | undefined;
    for (const rule of rules) {
      if (!scope ? ruleHolds(rule, paths) : await this.#condition(name, rule, scope)) {
        chosen = rule;
        break;
      }
    }
    if (!chosen) {
      if (state.Default === undefined)
        throw new StatesError("States.NoChoiceMatched", `No Choice Rule of state '${name}' matched, and it has no Default.`);
      chosen = { Next: state.Default };
    }
    const assign = chosen.Assign ?? state.Assign;
    if (!scope) {
      if (assign !== undefined) this.#assign(name, frame, applyTemplate(assign, paths) as Record<string, unknown>);
      return { output: filterPath(state.OutputPath, effective, paths), next: chosen.Next };
    }
    const output = chosen.Output ?? state.Output;
    const value = output !== undefined ? await evaluateField(output, scope, "Output") : input;
    if (assign !== undefined) this.#assign(name, frame, (await evaluateField(assign, scope, "Assign")) as Record<string, unknown>);
    return { output: value, next: chosen.Next };
  }

  /** A JSONata rule's Condition: true or false, anything else States.QueryEvaluationError. */
  async #condition(name: string, rule: Record<string, any>, scope: JsonataScope): Promise<boolean> {
    const holds = await evaluateField(rule.Condition, scope, "Condition");
    if (typeof holds !== "boolean")
      throw new StatesError(
        "States.QueryEvaluationError",
        `In state '${name}': a Condition must give true or false, not ${JSON.stringify(holds)}.`,
      );
    return holds;
  }

  nextMapRun(): number {
    return ++this.#mapRuns;
  }
}

export type { Frame, Graph, State };
