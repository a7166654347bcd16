/**
 * Differential runs over ../shared/corpus/valid (definitions written by others): each runs on the
 * engine and on aws-local-stepfunctions, every Task answered by a mock that hands back its request,
 * and the two must end the same way (the same output, or an error of the same name). What the
 * oracle cannot run (JSONata, variables, Distributed Map, what its validator rejects) runs on the
 * engine alone, which must end as an execution does: an output, or an error AWS names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { runLocally, taskStates } from "../../../compiler/run/local.ts";
import { runOnAwsLocal } from "../../support/aws-local.ts";
import { unsupportedFeatures } from "../../support/aws-local-unsupported.ts";
import { root } from "../../support/compile.ts";

const corpus = join(root, "../shared/corpus/valid");
const files = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory())
  .flatMap((d) => readdirSync(join(corpus, d)).map((f) => `${d}/${f}`))
  .sort();

/** Where the two disagree, and why the engine is the one that follows AWS. */
const disagreements: Readonly<Record<string, string>> = {
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentFailErrorPathAndCausePathContextValid.json":
    "the oracle takes one context object for the whole run, with no State: $$.State fails there, as it does not in AWS",
  "asl-validator/src____tests____definitions__valid-parallel-parameters.json":
    "the oracle takes one context object for the whole run, with no State: $$.State fails there, as it does not in AWS",
  "aws-stepfunctions-examples/sam__app-control-concurrency-with-dynamodb__statemachines__dynamodb-semaphore.asl.json":
    "the oracle takes one context object for the whole run, with no State: $$.State fails there, as it does not in AWS",
  "step-functions-workflows-collection/app-control-concurrency-with-dynamodb-tf__statemachines__dynamodb-semaphore.asl.json":
    "the oracle takes one context object for the whole run, with no State: $$.State fails there, as it does not in AWS",
  "step-functions-workflows-collection/app-control-concurrency-with-dynamodb-tf__statemachines__statemachine.asl.json":
    "the oracle takes one context object for the whole run, with no State: $$.State fails there, as it does not in AWS",
  "asl-validator/src____tests____definitions__valid-task-timer.json":
    "a Wait's path that points at nothing is States.Runtime (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html needs a number or a timestamp there); the oracle, told not to wait, never reads it",
  "asl-validator/src____tests____definitions__valid-wait-state.json":
    "a Wait's path that points at nothing is States.Runtime (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html needs a number or a timestamp there); the oracle, told not to wait, never reads it",
  "step-functions-workflows-collection/calling-async-api-callback__statemachine__workflow_ExternalAsyncAPISimulator.asl.json":
    "a Wait's path that points at nothing is States.Runtime (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html needs a number or a timestamp there); the oracle, told not to wait, never reads it",
  "step-functions-workflows-collection/request-response__statemachine__statemachine.asl.json":
    "a Wait's path that points at nothing is States.Runtime (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html needs a number or a timestamp there); the oracle, told not to wait, never reads it",
  "aws-stepfunctions-examples/sam__app-s3-athena-dataprocessing__statemachines__execute_athena_query.asl.json":
    "an intrinsic whose arguments do not fit is States.IntrinsicFailure (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html); the oracle says States.Runtime (States.Format given more arguments than placeholders)",
  "step-functions-workflows-collection/async-state-machine-streaming-lambda-results-sam__statemachine__statemachine.asl.json":
    "an intrinsic whose arguments do not fit is States.IntrinsicFailure (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html); the oracle says States.Runtime (States.ArrayGetItem past the array's end)",
  "asl-validator/src____tests____definitions__valid-path-array-context.json":
    "the path $[(@.length-1)] is a script expression: the oracle crashes on it (TypeError), and the engine, which does not run script, says States.Runtime, naming the path",
  "aws-stepfunctions-examples/sam__demo-manage-glue-crawlers-with-step-functions__template.yaml__Resources_StateMachineCreateDataset_Properties_Definition.json":
    "41,149 state transitions in nested inline Maps: past this test's bound (and AWS's 25,000 history events); the oracle does not count the states of nested Map iterations",
  "step-functions-workflows-collection/either-or-parallel-pattern__statemachine__statemachine.asl.json":
    'a Fail state without Cause caught by a Catch: the engine hands on Cause "", the oracle invents "Execution failed because of a Fail state"',
};

/** A loop that never ends with these mocks (a poll whose answer never changes) stops at this bound on both. */
const bound = 5000;

interface Outcome {
  readonly file: string;
  readonly ours: { output?: unknown; error?: string; cause?: unknown };
  readonly theirs?: { output?: unknown; error?: string };
  readonly why?: string;
}

let outcomes: Outcome[];

/** Times of day (the context object's StartTime and EnteredTime) differ between two runs: compared as such. */
const timeless = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>")) as unknown;

const echo = (asl: Record<string, any>) => Object.fromEntries(taskStates(asl).map(({ name }) => [name, (input: unknown) => input]));

beforeAll(async () => {
  outcomes = [];
  for (const file of files) {
    const asl = JSON.parse(readFileSync(join(corpus, file), "utf8")) as Record<string, any>;
    const run = await runLocally(asl, {}, { mocks: echo(asl), maxTransitions: bound });
    const ours = run.error ? { error: run.error.error, cause: run.error.cause } : { output: timeless(run.output) };
    let missing: string[];
    try {
      missing = unsupportedFeatures(asl);
    } catch (error) {
      missing = [`the oracle cannot read it (${(error as Error).message})`];
    }
    if (missing.length > 0) {
      outcomes.push({ file, ours, why: missing.join(", ") });
      continue;
    }
    // Random values (States.UUID, States.MathRandom) differ from run to run: nothing to compare.
    if (/States\.(UUID|MathRandom)\(/.test(JSON.stringify(asl))) {
      outcomes.push({ file, ours, why: "random values" });
      continue;
    }
    let theirs: Outcome["theirs"];
    try {
      const other = await runOnAwsLocal(asl, {}, { mocks: echo(asl), maxStates: bound });
      theirs = other.error ? { error: other.error.error } : { output: timeless(other.output) };
    } catch (error) {
      outcomes.push({ file, ours, why: `aws-local-stepfunctions rejects it: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    outcomes.push({ file, ours, theirs });
  }
}, 600_000);

describe("the engine against aws-local-stepfunctions, over the corpus", () => {
  test("the corpus is there", () => {
    expect(files.length).toBeGreaterThan(300);
  });

  test("every definition both run ends the same way on both, but those listed", () => {
    const differing = outcomes.flatMap(({ file, ours, theirs }) => {
      if (!theirs) return [];
      const same =
        theirs.error !== undefined
          ? ours.error === theirs.error || (theirs.error === "ExecutionAbortedError" && ours.error === "States.Runtime")
          : ours.error === undefined && isDeepStrictEqual(ours.output, theirs.output);
      return same ? [] : [{ file, ours, theirs }];
    });
    expect(Object.fromEntries(differing.map((d) => [d.file, { engine: d.ours, awsLocal: d.theirs }]))).toEqual(
      Object.fromEntries(Object.keys(disagreements).map((file) => [file, expect.anything()])),
    );
  });

  test("most of the corpus runs on both: the comparison covers it", () => {
    expect(outcomes.filter((o) => o.theirs).length).toBeGreaterThan(files.length * 0.7);
  });

  test("what only the engine runs ends as an execution does: an output, or an error with an AWS name", () => {
    const alone = outcomes.filter((o) => !o.theirs);
    expect(alone.length).toBeGreaterThan(20);
    // A definition's own Fail states name errors of their own.
    const own = (file: string) =>
      new Set([...readFileSync(join(corpus, file), "utf8").matchAll(/"Error"\s*:\s*"([^"]*)"/g)].map((m) => m[1]));
    const odd = alone.filter(
      ({ file, ours }) =>
        ours.error !== undefined && !/^(States\.[A-Za-z]+|Stepwright\.NoMock|)$/.test(ours.error) && !own(file).has(ours.error),
    );
    expect(odd.map((o) => [o.file, o.ours])).toEqual([]);
  });
});
