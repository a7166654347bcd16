import type { SourceSpan } from "../../../src/ir/source.js";
import { codePointOrder } from "../../base/order.js";
import type { TypeOps } from "../uses/types.js";
import type { TypesRequest } from "./request.js";
import { type Declarations, type Shape, shapeOf } from "./shape.js";

/** A workflow's types, as its module and schemas write them: plain data. */
export interface WorkflowTypes {
  readonly workflow: string;
  readonly file: string;
  readonly express: boolean;
  readonly input: Shape;
  readonly output: Shape;
  /** Each Lambda a state calls: the event it receives, and what it returns (undefined: nothing is read of it, a callback's Lambda). */
  readonly handlers: readonly { readonly state: string; readonly event: Shape; readonly result?: Shape }[];
  /** Each state waiting for a task token: the output its callback must send. */
  readonly callbacks: readonly { readonly state: string; readonly output: Shape }[];
  /** The named types the shapes refer to, by name. */
  readonly declarations: readonly (readonly [string, Shape])[];
}

/**
 * How `collect` asks: one question after another, with one set of declarations (what the file
 * says), or every question at once, each type alone (to have every answer ready).
 */
interface Asking<T> {
  shape(type: T | undefined): Promise<Shape>;
  each<A, R>(items: readonly A[], ask: (item: A) => Promise<R>): Promise<R[]>;
  both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]>;
}

function inTurn<T>(ops: TypeOps<T>, declarations: Declarations): Asking<T> {
  return {
    shape: (type) => shapeOf(ops, type, declarations),
    async each(items, ask) {
      const answers = [];
      for (const item of items) answers.push(await ask(item));
      return answers;
    },
    async both(first, second) {
      const one = await first();
      return [one, await second()];
    },
  };
}

function atOnce<T>(ops: TypeOps<T>): Asking<T> {
  return {
    shape: (type) => shapeOf(ops, type, new Map()),
    each: (items, ask) => Promise.all(items.map(ask)),
    both: (first, second) => Promise.all([first(), second()]),
  };
}

/** The workflow's input and output, and each step's shapes: the callback's output, the event, the result. */
async function collect<T>(ops: TypeOps<T>, request: TypesRequest, asking: Asking<T>) {
  const workflowShapes = () =>
    asking.each([() => ops.inputOf(request.site), () => ops.outputOf(request.site)], async (of) => asking.shape(await of()));
  const stepShapes = () =>
    asking.each(request.steps, async (step): Promise<{ callback?: Shape; event?: Shape; result?: Shape }> => {
      const result = await ops.resultOf(step.site);
      const callback = step.role === "token" || step.role === "callback" ? await asking.shape(result) : undefined;
      if (step.role === "token") return { ...(callback ? { callback } : {}) };
      const stepRequest = await ops.requestOf(step.site);
      const event = await asking.shape(
        step.eventField && stepRequest ? (await ops.field(stepRequest, step.eventField))?.type : stepRequest,
      );
      // lambda:invoke's result is the function's return value under Payload.
      const returned = step.role === "invoke" && result !== undefined ? (await ops.field(result, "Payload"))?.type : result;
      return { ...(callback ? { callback } : {}), event, ...(step.role !== "callback" ? { result: await asking.shape(returned) } : {}) };
    });
  const [[input, output], steps] = await asking.both(workflowShapes, stepShapes);
  return { input: input!, output: output!, steps };
}

/**
 * The same questions, each asked once: an answer is kept by its question (the method and the very
 * objects asked about), and a question asked again is answered from it.
 */
function answeringOnce<T>(ops: TypeOps<T>): TypeOps<T> {
  const kept = new Map<string, Map<unknown, Map<unknown, Promise<unknown>>>>();
  const once =
    <A, B, R>(method: string, ask: (a: A, b: B) => Promise<R>) =>
    (a: A, b?: B): Promise<R> => {
      const byFirst = kept.get(method) ?? kept.set(method, new Map()).get(method)!;
      const bySecond = byFirst.get(a) ?? byFirst.set(a, new Map()).get(a)!;
      if (!bySecond.has(b)) bySecond.set(b, ask(a, b as B));
      return bySecond.get(b) as Promise<R>;
    };
  return {
    flowingAt: (sites) => ops.flowingAt(sites),
    writtenAt: (site) => ops.writtenAt(site),
    open: (type) => ops.open(type),
    kinds: once("kinds", (type: T) => ops.kinds(type)),
    field: once("field", (type: T, name: string) => ops.field(type, name)),
    members: once("members", (type: T) => ops.members(type)),
    literals: once("literals", (type: T) => ops.literals(type)),
    element: once("element", (type: T, index: number) => ops.element(type, index)),
    fields: once("fields", (type: T) => ops.fields(type)),
    inputOf: once("inputOf", (site: SourceSpan) => ops.inputOf(site)),
    requestOf: once("requestOf", (site: SourceSpan) => ops.requestOf(site)),
    resultOf: once("resultOf", (site: SourceSpan) => ops.resultOf(site)),
    outputOf: once("outputOf", (site: SourceSpan) => ops.outputOf(site)),
    text: once("text", (type: T) => ops.text(type)),
  };
}

/**
 * Asks a type checker the types of a workflow and of each step that takes part in the code around
 * it. Each of the native checker's answers is a round trip, and one after another a 200-step
 * workflow's took a second: so every question is asked at once first, each type alone, and then
 * the types are read one after another from the answers kept, with the named types declared as
 * that order finds them (the first of a name is the one declared), whichever answer came first.
 */
export async function collectTypes<T>(ops: TypeOps<T>, request: TypesRequest): Promise<WorkflowTypes> {
  const answered = answeringOnce(ops);
  // A question that failed fails again below, where the reading needs its answer (and only there).
  await collect(answered, request, atOnce(answered)).catch(() => {});
  const declarations: Declarations = new Map();
  const { input, output, steps } = await collect(answered, request, inTurn(answered, declarations));
  return {
    workflow: request.workflow,
    file: request.file,
    express: request.express,
    input,
    output,
    handlers: request.steps.flatMap((step, i) => {
      const { event, result } = steps[i]!;
      return event ? [{ state: step.state, event, ...(result ? { result } : {}) }] : [];
    }),
    callbacks: request.steps.flatMap((step, i) => {
      const { callback } = steps[i]!;
      return callback ? [{ state: step.state, output: callback }] : [];
    }),
    // The named types are declared in the order of their names: the order answers come in does not show.
    declarations: [...declarations].sort(([a], [b]) => codePointOrder(a, b)),
  };
}
