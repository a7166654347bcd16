import { createRequire } from "node:module";
import { emitAsl } from "../../compiler/emit/asl/index.ts";
import { type LocalRun, runLocally } from "../../compiler/run/local.ts";
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
  if (problems.length > 0) throw new Error(`workflow "${workflow.name}" has problems:\n${problems.map((p) => `${p.code} ${p.message}`).join("\n")}`);
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
 * Runs the ASL in aws-local-stepfunctions (through the same runner as `stepwright run` and
 * `stepwright/testing`): Task states are answered by `mocks` (by state name), Wait states do not
 * wait, retries do not sleep.
 */
export async function run(asl: Record<string, any>, input: unknown, mocks: Record<string, Mock> = {}): Promise<RunResult> {
  const { output, error, ...trail } = await runLocally(asl, input, { mocks });
  return { ...(error ? { error: { name: error.error, cause: error.cause } } : { output }), ...trail };
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
