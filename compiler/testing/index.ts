/**
 * Testing workflows without deploying them: `testWorkflow(workflow).mock(step, handler).run(input)`
 * runs the compiled ASL on Stepwright's local engine. A mock given the step itself is typed by the
 * step's own request and result, so a mock that does not fit is a type error.
 */
// First: on a Node older than the package needs, importing it stops here with one clear line.
import "../../src/supported-node.js";
import { fileURLToPath } from "node:url";
import type { taskIo } from "../../src/steps/task.js";
import { isWorkflow, type Workflow } from "../../src/workflow.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { emitAsl } from "../emit/asl/index.js";
import { readAsl } from "../read/asl.js";
import { type LocalRun, mocksInTurn, ObjectStore, runLocally, StepError, type TaskHandler } from "../run/local.js";

export { StepError } from "../run/local.js";

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

/** An S3 object's content for a local run: text, bytes, or a `file:` URL of a file (or, for a prefix ending in `/`, a folder). */
export type ObjectContent = string | Uint8Array | FileUrl;

/** A `file:` URL (`new URL("./rows.csv", import.meta.url)`), written so no DOM or Node type is needed to name it. */
export interface FileUrl {
  readonly href: string;
}

/** A definition as ASL (an imported or hand-written state machine): run as it is, untyped. */
export type AslDefinition = { readonly StartAt: string; readonly States: Readonly<Record<string, unknown>> } & Readonly<
  Record<string, unknown>
>;

interface Setup {
  readonly mocks: Readonly<Record<string, readonly TaskHandler[]>>;
  readonly objects: readonly (readonly [string, ObjectContent])[];
  readonly results?: string;
}

const noSetup: Setup = { mocks: {}, objects: [] };

export class WorkflowTest<In, Out> {
  readonly #setup: Setup;

  constructor(
    readonly workflow: Workflow<In, Out> | AslDefinition,
    setup: Setup = noSetup,
  ) {
    this.#setup = setup;
  }

  /**
   * Answers a Task state locally: by the step (the handler typed by its request and result), by
   * state name, or by Resource ARN (every Task calling it). More handlers answer the calls after
   * the first, in turn; the last answers every call after that.
   * @example testWorkflow(orders).mock(validate, (order) => ({ ...order, total: order.total + 5 }))
   */
  // One signature, not overloads: a handler that does not fit is an error at the field that does
  // not, rather than a list of every overload tried.
  mock<S extends MockedStep<any, any> | string>(
    step: S,
    handler: NoInfer<MockHandler<S>>,
    ...then: NoInfer<MockHandler<S>>[]
  ): WorkflowTest<In, Out>;
  mock(step: string | { readonly name: string }, ...handlers: TaskHandler[]): WorkflowTest<In, Out> {
    const name = typeof step === "string" ? step : step.name;
    return new WorkflowTest(this.workflow, { ...this.#setup, mocks: { ...this.#setup.mocks, [name]: handlers } });
  }

  /**
   * The Task fails with this error name and cause (as a Lambda function or a service fails it): Retry and Catch see it.
   * @example testWorkflow(orders).fail(validate, "InvalidOrder", "no lines")
   */
  fail(step: string | { readonly name: string }, error: string, cause = ""): WorkflowTest<In, Out> {
    return this.mock(typeof step === "string" ? step : step.name, () => {
      throw new StepError(error, cause);
    });
  }

  /**
   * An S3 object a Distributed Map's ItemReader may read: `s3://bucket/key` with its content (text,
   * bytes, or the `file:` URL of a file), or `s3://bucket/prefix/` with the `file:` URL of a folder.
   * @example testWorkflow(orders).object("s3://imports/orders.csv", "orderId,total\no-1,20\n")
   */
  object(uri: string, content: ObjectContent): WorkflowTest<In, Out> {
    return new WorkflowTest(this.workflow, { ...this.#setup, objects: [...this.#setup.objects, [uri, content]] });
  }

  /**
   * Where a Distributed Map's ResultWriter writes: `<dir>/<bucket>/<key>` (`run.written` has them in any case).
   * @example testWorkflow(orders).results("test-results")
   */
  results(dir: string): WorkflowTest<In, Out> {
    return new WorkflowTest(this.workflow, { ...this.#setup, results: dir });
  }

  /**
   * Runs the workflow on `input`. Wait states and retry intervals pass on a virtual clock, at once.
   * @example const run = await testWorkflow(orders).mock(validate, (order) => order).run({ orderId: "o-1", total: 20, email: "a@example.com", createdAt: "2026-12-07T00:00:00Z", customer: { id: "c-1", tier: "gold" }, lines: [] });
   * if (!run.succeeded) throw new Error(run.error?.error);
   */
  async run(input: In): Promise<WorkflowRun<Out>> {
    const { asl, ir, name } = this.#definition();
    checkInput(this.workflow, input);
    const result = await runLocally(asl, input, {
      mocks: mocksInTurn(
        Object.entries(this.#setup.mocks),
        asl,
        (target, tasks) =>
          new Error(`.mock("${target}", ...): workflow "${name}" has no Task state or Resource of that name (its Tasks: ${tasks})`),
      ),
      objects: this.#objects(),
      ...(this.#setup.results ? { resultsDir: this.#setup.results } : {}),
      stateMachineName: name,
      noMock: (state) => `Task "${state}" ran, but the test gives it no mock: add .mock("${state}", input => ...)`,
    });
    return {
      ...result,
      output: result.output as Out,
      succeeded: result.error === undefined,
      retries: (state) => result.retried.filter((s) => s === state).length,
      diagram: async (format) => (await import("../emit/diagram/index.js")).runDiagram(ir, result, format),
    };
  }

  #definition(): { asl: Record<string, any>; ir: WorkflowNode; name: string } {
    if (!isWorkflow(this.workflow)) {
      const ir = readAsl(this.workflow, "workflow");
      return { asl: this.workflow as Record<string, any>, ir, name: "workflow" };
    }
    const { ir, problems } = this.workflow.assemble();
    if (problems.length > 0)
      throw new Error(`workflow "${this.workflow.name}" does not compile:\n${problems.map((p) => `  ${p.code} ${p.message}`).join("\n")}`);
    // Names resolve to ARNs of a placeholder account: nothing leaves this process.
    return { asl: emitAsl(ir, { region: "us-east-1", account: "000000000000" }) as Record<string, any>, ir, name: this.workflow.name };
  }

  #objects(): ObjectStore {
    const store = new ObjectStore();
    for (const [uri, content] of this.#setup.objects) {
      if (typeof content === "string" || content instanceof Uint8Array) store.add(uri, content);
      else {
        try {
          store.addPath(uri, fileURLToPath(content.href));
        } catch (error) {
          throw new Error(`.object("${uri}", ...): ${(error as Error).message}`);
        }
      }
    }
    return store;
  }
}

/** The run's input against the workflow's `input` schema (zod), where it has one: input that does not fit is the test's mistake, said at once. */
function checkInput(workflow: Workflow<any, any> | AslDefinition, input: unknown): void {
  if (!isWorkflow(workflow)) return;
  const schema = workflow.inputSchema() as
    { safeParse?: (value: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } | undefined;
  const checked = schema?.safeParse?.(input);
  if (!checked || checked.success) return;
  const issues = (checked.error?.issues ?? []).map(
    (i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(the input)"}: ${i.message}`,
  );
  throw new TypeError(`the input does not fit the input schema of workflow "${workflow.name}": ${issues.join("; ")}`);
}

/**
 * Starts a local test of a workflow, or of a definition given as ASL.
 * @example const run = await testWorkflow(orders).mock(validate, (order) => order).run({ orderId: "o-1", total: 1500, email: "a@example.com", createdAt: "2026-12-07T00:00:00Z", customer: { id: "c-1", tier: "gold" }, lines: [] });
 */
export function testWorkflow<In, Out>(workflow: Workflow<In, Out>): WorkflowTest<In, Out>;
export function testWorkflow(definition: AslDefinition): WorkflowTest<unknown, unknown>;
export function testWorkflow(workflow: Workflow<unknown, unknown> | AslDefinition): WorkflowTest<unknown, unknown> {
  return new WorkflowTest(workflow);
}
