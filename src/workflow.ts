import type { z } from "zod";
import { isWorkflowValue, workflowBrand } from "./data/markers.js";
import type { SourceSpan } from "./ir/source.js";
import { chainData, type Chainable, type FinalOutputOf, type InputOf, type inType, type outType } from "./steps/chain.js";
import type { ChainData } from "./steps/draft.js";
import { callSite } from "./steps/source.js";
import { type AssembledWorkflow, assembleWorkflow, type WorkflowSettings } from "./lower/workflow.js";

export type { AssembledWorkflow };

type Definition = Chainable<any, any>;
type CheckInput<S> = [S] extends [never] ? unknown : Chainable<z.output<S>, unknown>;

export interface WorkflowOptions<D, S> extends WorkflowSettings {
  /** The steps, from the first. Its input type must accept the workflow input. */
  readonly definition: D & CheckInput<S>;
  /** A zod schema of the execution input: the first step must accept what it describes. */
  readonly input?: S;
}

/** A state machine: a name, a definition and the options that deploy it. Typed by its input and output. */
export class Workflow<In, Out> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: Out;
  readonly [workflowBrand] = true;
  readonly definition: ChainData;
  #assembled: AssembledWorkflow | undefined;

  constructor(
    readonly name: string,
    readonly options: Omit<WorkflowOptions<unknown, unknown>, "definition">,
    definition: Definition,
    readonly source: SourceSpan | undefined,
  ) {
    if (!definition || !(chainData in definition)) throw new TypeError(`workflow "${name}" needs a definition (a step or chain)`);
    this.definition = definition[chainData];
    Object.freeze(this.options);
  }

  /**
   * The zod schema an execution's input must fit: the workflow's own `input`; else, where the first
   * step is a Task that hands the whole input to its function (a `lambda(fn, schemas)` with no
   * parameters, arguments or InputPath), that function's input schema. Undefined where neither is.
   * @example const schema = orders.inputSchema();
   */
  inputSchema(): unknown {
    if (this.options.input) return this.options.input;
    const first = this.definition.start;
    if (first.kind !== "Task") return undefined;
    const f = first.fields;
    if (f.parameters !== undefined || f.arguments !== undefined || f.inputPath !== undefined) return undefined;
    return f.integration.schemas?.input;
  }

  /**
   * The workflow as IR (plain, frozen data), assembled once.
   * @example const { ir, problems } = orders.assemble();
   */
  assemble(): AssembledWorkflow {
    this.#assembled ??= assembleWorkflow(this.name, this.options, this.definition, this.source);
    return this.#assembled;
  }
}

/**
 * Whether a value is a workflow (what a module exports for the compiler to build).
 * @example const found = Object.values({ orders, route }).filter(isWorkflow);
 */
export function isWorkflow(value: unknown): value is Workflow<unknown, unknown> {
  return isWorkflowValue(value);
}

/** What an execution ends with: the output of the definition's open ends, or what a Succeed state receives. */
export type WorkflowOutput<D, In> = FinalOutputOf<D, In>;

/**
 * A state machine. Export it from a module and `stepwright build` compiles it to ASL and Terraform.
 * @example
 * export const chargeOrder = workflow("charge-order", {
 *   input: z.object({ orderId: z.string(), amount: z.number() }),
 *   definition: charge.next(succeed("Charged")),
 * });
 */
export function workflow<D extends Definition, S extends z.ZodType = never>(
  name: string,
  options: WorkflowOptions<D, S>,
): Workflow<[S] extends [never] ? InputOf<D> : z.output<S>, WorkflowOutput<D, [S] extends [never] ? InputOf<D> : z.output<S>>> {
  const { definition, ...rest } = options;
  return new Workflow(name, rest as Omit<WorkflowOptions<unknown, unknown>, "definition">, definition, callSite()) as never;
}
