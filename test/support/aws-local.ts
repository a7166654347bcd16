import { StateMachine } from "aws-local-stepfunctions";
import { UnsupportedFeatureError, unsupportedFeatures } from "./aws-local-unsupported.ts";

import { eachState, type LocalRun, type LocalRunOptions, taskStates } from "../../compiler/run/local.ts";

/**
 * The guard between a local run and AWS: every Task without a mock (and not allowed to call AWS)
 * fails with Stepwright.NoMock, naming the state, before the engine could reach any service.
 */
function guardedHandlers(asl: Record<string, any>, options: LocalRunOptions): Record<string, (input: unknown) => Promise<never>> {
  const mocks = options.mocks ?? {};
  const handlers = Object.create(null) as Record<string, (input: unknown) => Promise<never>>;
  for (const { name } of taskStates(asl)) {
    const mock = Object.hasOwn(mocks, name) ? mocks[name] : undefined;
    if (mock) handlers[name] = async (input) => (await mock(input)) as never;
    else if (!options.callAws?.has(name)) {
      handlers[name] = async () => {
        const message = options.noMock?.(name) ?? `Task "${name}" has no mock, and a local run never calls AWS`;
        throw Object.assign(new Error(message), { name: "Stepwright.NoMock" });
      };
    }
  }
  return handlers;
}

const typeTests = ["IsPresent", "IsNull", "IsString", "IsNumeric", "IsBoolean", "IsTimestamp"];

/**
 * The same rule as the local engine decides it right: it takes every type test expecting `false`
 * (`"IsPresent": false`) as never matching, so each becomes `Not` of the test expecting `true`,
 * which means the same in ASL.
 */
function engineRule(rule: Record<string, any>): Record<string, any> {
  const test = typeTests.find((t) => rule[t] === false);
  if (test) {
    const { Next, Comment, Assign, Output, ...condition } = rule;
    const kept = Object.fromEntries(Object.entries({ Next, Comment, Assign, Output }).filter(([, v]) => v !== undefined));
    return { ...kept, Not: { ...condition, [test]: true } };
  }
  if (Array.isArray(rule.And)) return { ...rule, And: rule.And.map(engineRule) };
  if (Array.isArray(rule.Or)) return { ...rule, Or: rule.Or.map(engineRule) };
  if (rule.Not && typeof rule.Not === "object") return { ...rule, Not: engineRule(rule.Not) };
  return rule;
}

/**
 * The oracle the engine is checked against: aws-local-stepfunctions runs the ASL (JSONPath only,
 * no variables, no Distributed Map), Task states answered by `mocks`, Wait states not waiting,
 * retries not sleeping. Refuses (UnsupportedFeatureError) what it cannot do.
 */
export async function runOnAwsLocal(
  asl: Record<string, any>,
  input: unknown,
  options: LocalRunOptions & { readonly maxStates?: number } = {},
): Promise<Omit<LocalRun, "variables" | "written" | "trace">> {
  const missing = unsupportedFeatures(asl);
  if (missing.length > 0) throw new UnsupportedFeatureError(missing);
  const waits: Record<string, number> = Object.create(null) as Record<string, number>;
  const retryIntervals: Record<string, number> = Object.create(null) as Record<string, number>;
  const local = structuredClone(asl);
  eachState(local, (name, state) => {
    if (state.Type === "Wait") waits[name] = 0;
    if (state.Retry) retryIntervals[name] = 0;
    if (state.Type === "Choice" && Array.isArray(state.Choices)) state.Choices = state.Choices.map(engineRule);
  });
  const machine = new StateMachine(local as never, { validationOptions: { checkPaths: true, checkArn: true } });
  const execution = machine.run(input as never, {
    // The local engine has no task tokens; callback-pattern tasks read this one.
    context: {
      Execution: {
        Id: "arn:aws:states:us-east-1:000000000000:execution:local:local",
        Input: input as never,
        Name: "local",
        RoleArn: "arn:aws:iam::000000000000:role/local",
        RedriveCount: 0,
      },
      StateMachine: { Id: "arn:aws:states:us-east-1:000000000000:stateMachine:local", Name: "local" },
      Task: { Token: "local-task-token" },
    },
    overrides: {
      taskResourceLocalHandlers: guardedHandlers(asl, options),
      waitTimeOverrides: waits,
      retryIntervalOverrides: retryIntervals,
    },
  });
  const path: string[] = [];
  const retried: string[] = [];
  const caughtErrors: { state: string; error: string }[] = [];
  let lastFailure: { state: string; error: string } | undefined;
  let failedState: string | undefined;
  const events = (async () => {
    for await (const event of execution.eventLogs) {
      const e = event as { type: string; state?: { name: string; input?: unknown; output?: unknown }; Error?: string; Cause?: unknown };
      const name = e.state?.name;
      if (e.type === "StateEntered" && name) {
        path.push(name);
        // A loop that never ends would run for ever here: the engine stops at a bound too.
        if (path.length > (options.maxStates ?? 25_000)) execution.abort();
      }
      if (e.type === "StateRetried" && name) retried.push(name);
      if (e.type === "StateCaught" && name) {
        caughtErrors.push({ state: name, error: lastFailure?.state === name ? lastFailure.error : "" });
      }
      if (e.type === "StateFailed" && name) lastFailure = { state: name, error: e.Error ?? "" };
      if (e.type === "ExecutionFailed") failedState = lastFailure?.state;
    }
  })();
  try {
    const output = await execution.result;
    await events;
    return { output, path, retried, caught: caughtErrors.map((c) => c.state), caughtErrors };
  } catch (error) {
    await events.catch(() => undefined);
    const e = error as { name: string; message: string; cause?: { name?: string; message?: string } };
    // A Fail state without Error fails the execution with no error name (AWS gives none): this engine names it by its own class.
    const name = e.cause?.name ?? e.name;
    return {
      error: { error: name === "FailStateError" ? "" : name, cause: e.cause?.message ?? e.message },
      path,
      retried,
      caught: caughtErrors.map((c) => c.state),
      caughtErrors,
      ...(failedState ? { failedState } : {}),
    };
  }
}
