/**
 * Testing workflows without deploying them: `testWorkflow(workflow).mock(step, handler).run(input)`
 * runs the compiled ASL in aws-local-stepfunctions. A mock given the step itself is typed by the
 * step's own request and result, so a mock that does not fit is a type error.
 */
import type { taskIo } from "../../src/steps/task.js";
import type { Workflow } from "../../src/workflow.js";
import { emitAsl } from "../emit/asl/index.js";
import { type LocalRun, runLocally, type TaskHandler } from "../run/local.js";

/** A step that calls an integration: what its mock receives and returns. */
type MockedStep<Req, Res> = { readonly name: string; readonly [taskIo]: (request: Req) => Res };

/** A mock's handler: typed by the step's request and result, or untyped for a state given by name. */
export type MockHandler<S> = S extends MockedStep<infer Req, infer Res> ? (input: Req) => Res | Promise<Res> : (input: any) => unknown;

/** The result of a local run: typed output, or the error; and the path the execution took. */
export interface WorkflowRun<Out> extends Omit<LocalRun, "output"> {
  /** The execution's output when it succeeded. */
  readonly output?: Out;
  readonly succeeded: boolean;
  /** How many times the state was retried. */
  retries(state: string): number;
  /** The run drawn on the workflow's diagram (the path taken, entries, retries, catches, where it failed): Mermaid or SVG. */
  diagram(format: "mmd" | "svg"): Promise<string>;
}

export class WorkflowTest<In, Out> {
  readonly #mocks: Readonly<Record<string, TaskHandler>>;

  constructor(
    readonly workflow: Workflow<In, Out>,
    mocks: Readonly<Record<string, TaskHandler>> = {},
  ) {
    this.#mocks = mocks;
  }

  /**
   * Answers a Task state locally. Given the step, the handler is typed by the step's request and
   * result; given a state name, it is not.
   */
  // One signature, not overloads: a handler that does not fit is an error at the field that does
  // not, rather than a list of every overload tried.
  mock<S extends MockedStep<any, any> | string>(step: S, handler: NoInfer<MockHandler<S>>): WorkflowTest<In, Out>;
  mock(step: string | { readonly name: string }, handler: TaskHandler): WorkflowTest<In, Out> {
    const name = typeof step === "string" ? step : step.name;
    return new WorkflowTest(this.workflow, { ...this.#mocks, [name]: handler });
  }

  /** Runs the workflow on `input`. Wait states do not wait; retries do not sleep. */
  async run(input: In): Promise<WorkflowRun<Out>> {
    const { ir, problems } = this.workflow.assemble();
    if (problems.length > 0) throw new Error(`workflow "${this.workflow.name}" does not compile:\n${problems.map((p) => `  ${p.code} ${p.message}`).join("\n")}`);
    // Names resolve to ARNs of a placeholder account: nothing leaves this process.
    const asl = emitAsl(ir, { region: "us-east-1", account: "000000000000" }) as Record<string, any>;
    const result = await runLocally(asl, input, {
      mocks: this.#mocks,
      noMock: (name) => `Task "${name}" ran, but the test gives it no mock: add .mock("${name}", input => ...)`,
    });
    return {
      ...result,
      output: result.output as Out,
      succeeded: result.error === undefined,
      retries: (state) => result.retried.filter((s) => s === state).length,
      diagram: async (format) => (await import("../emit/diagram/index.js")).runDiagram(ir, result, format),
    };
  }
}

/** Starts a local test of a workflow. */
export function testWorkflow<In, Out>(workflow: Workflow<In, Out>): WorkflowTest<In, Out> {
  return new WorkflowTest(workflow);
}

export { UnsupportedFeatureError } from "../run/unsupported.js";
