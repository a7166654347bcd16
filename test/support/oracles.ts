import { createRequire } from "node:module";
import { emitAsl } from "../../compiler/emit/asl/index.ts";
import { isDeepStrictEqual } from "node:util";
import { type LocalRun, runLocally } from "../../compiler/run/local.ts";
import { runOnAwsLocal } from "./aws-local.ts";
import { unsupportedFeatures } from "./aws-local-unsupported.ts";
import type { Workflow } from "stepwright";

const require = createRequire(import.meta.url);
const aslValidator = require("asl-validator") as (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: Record<string, unknown>[] };

export const account = { region: "us-east-1", account: "123456789012" } as const;

/** The ASL of a workflow, failing the test if assembling it reported problems. */
export function aslOf(workflow: Workflow<any, any>): Record<string, any> {
  const { ir, problems } = workflow.assemble();
  if (problems.length > 0)
    throw new Error(`workflow "${workflow.name}" has problems:\n${problems.map((p) => `${p.code} ${p.message}`).join("\n")}`);
  return emitAsl(ir, account) as Record<string, any>;
}

/** asl-validator's verdict, with JSONPaths and ARNs checked. Returns the error texts (empty when valid). */
export function validate(asl: unknown): string[] {
  // asl-validator writes QueryLanguage into the definition it is given; give it a copy.
  const result = aslValidator(structuredClone(asl), { checkPaths: true, checkArn: true });
  return result.isValid ? [] : result.errors.map((e: Record<string, unknown>) => String(e.Message ?? e.message ?? JSON.stringify(e)));
}

export type Mock = (input: any) => unknown;

/** A local run, its error named as the tests name it (`name`, as in a thrown Error). */
export type RunResult = Omit<LocalRun, "error"> & { readonly error?: { readonly name: string; readonly cause: unknown } };

/**
 * Runs the ASL locally (the runner of `stepwright run` and `stepwright/testing`): Task states are
 * answered by `mocks` (by state name), Wait states do not wait, retries do not sleep. Where
 * aws-local-stepfunctions can run the definition too, it does, given the same answers in the same
 * order, and the two must agree on the output, or on the error's name: the oracle of every test
 * that runs ASL.
 */
export async function run(asl: Record<string, any>, input: unknown, mocks: Record<string, Mock> = {}): Promise<RunResult> {
  const { output, error, ...trail } = await agreedRun(asl, input, mocks);
  return { ...(error ? { error: { name: error.error, cause: error.cause } } : { output }), ...trail };
}

/** The engine's run (as `runLocally` gives it), checked against aws-local-stepfunctions where that can run the definition. */
export async function agreedRun(asl: Record<string, any>, input: unknown, mocks: Record<string, Mock> = {}): Promise<LocalRun> {
  const answers = new Map<string, ({ value: unknown } | { thrown: unknown })[]>();
  const key = (state: string, request: unknown) => `${state}\0${JSON.stringify(request)}`;
  const recording = Object.fromEntries(
    Object.entries(mocks).map(([state, mock]) => [
      state,
      async (request: unknown) => {
        const queue = answers.get(key(state, request)) ?? [];
        answers.set(key(state, request), queue);
        try {
          const value = await mock(structuredClone(request));
          queue.push({ value: structuredClone(value) });
          return value;
        } catch (thrown) {
          queue.push({ thrown });
          throw thrown;
        }
      },
    ]),
  );
  const ours = await runLocally(asl, input, { mocks: recording });
  const { output, error } = ours;
  // Random values (States.MathRandom, States.UUID) differ from run to run: nothing to compare.
  if (unsupportedFeatures(asl).length === 0 && !/States\.(MathRandom|UUID)\(/.test(JSON.stringify(asl)))
    await agree(asl, input, answers, key, error ? { error: error.error } : { output });
  return ours;
}

/** aws-local-stepfunctions, given the answers the engine's run had, must end as it ended. */
async function agree(
  asl: Record<string, any>,
  input: unknown,
  answers: Map<string, ({ value: unknown } | { thrown: unknown })[]>,
  key: (state: string, request: unknown) => string,
  ours: { output?: unknown; error?: string },
): Promise<void> {
  const replays = new Map([...answers].map(([k, queue]) => [k, [...queue]]));
  const replay = (state: string) => (request: unknown) => {
    const queue = replays.get(key(state, request));
    const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    if (!answer)
      throw Object.assign(new Error(`the engine never called ${state} with ${JSON.stringify(request)}`), { name: "Oracle.Diverged" });
    if ("thrown" in answer) throw answer.thrown;
    return structuredClone(answer.value);
  };
  const states = new Set([...answers.keys()].map((k) => k.slice(0, k.indexOf("\0"))));
  const theirs = await runOnAwsLocal(asl, input, { mocks: Object.fromEntries([...states].map((s) => [s, replay(s)])) });
  const same = theirs.error ? ours.error === theirs.error.error : ours.error === undefined && isDeepStrictEqual(ours.output, theirs.output);
  if (!same)
    throw new Error(
      `The engine and aws-local-stepfunctions disagree: the engine ${JSON.stringify(ours)}, aws-local-stepfunctions ${JSON.stringify(theirs.error ? { error: theirs.error.error, cause: theirs.error.cause } : { output: theirs.output })}`,
    );
}

/** A mock that fails with `error` the first `times` calls, then answers with `then`. */
export function failing(times: number, error: string, then: Mock): Mock {
  let calls = 0;
  return (input) => {
    if (calls++ < times) {
      const e = new Error(`${error} (call ${calls})`);
      e.name = error;
      throw e;
    }
    return then(input);
  };
}
