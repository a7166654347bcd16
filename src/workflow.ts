import type { z } from "zod";
import type { LoggingOptions, WorkflowNode, WorkflowType } from "./ir/workflow.ts";
import type { QueryLanguage } from "./ir/query-language.ts";
import type { SourceSpan } from "./ir/source.ts";
import { chainData, type Chainable, type InputOf, type inType, type OutputOf, type outType, type Terminal } from "./steps/chain.ts";
import type { ChainData } from "./steps/draft.ts";
import { callSite } from "./steps/source.ts";
import { LowerContext } from "./lower/context.ts";
import { lowerGraph } from "./lower/graph.ts";
import type { Problem } from "./lower/problem.ts";

type Definition = Chainable<any, any> | Terminal<any>;
type CheckInput<S> = [S] extends [never] ? unknown : Chainable<z.output<S>, unknown> | Terminal<z.output<S>>;

export interface WorkflowOptions<D, S> {
  /** The steps, from the first. Its input type must accept the workflow input. */
  readonly definition: D & CheckInput<S>;
  /** A zod schema of the execution input: the first step must accept what it describes. */
  readonly input?: S;
  /** `"STANDARD"` (default) or `"EXPRESS"` (at most 5 minutes; no `.sync` or callbacks). */
  readonly type?: WorkflowType;
  readonly comment?: string;
  /** The default query language of every state (ASL's default is JSONPath). */
  readonly queryLanguage?: QueryLanguage;
  /** Fails the execution with States.Timeout after this many seconds. */
  readonly timeoutSeconds?: number;
  readonly logging?: LoggingOptions;
  /** AWS X-Ray tracing. */
  readonly tracing?: boolean;
  /** Tags for the deployed state machine. */
  readonly tags?: Readonly<Record<string, string>>;
}

const workflowBrand: unique symbol = Symbol.for("stepwright.workflow");

/** The result of assembling a workflow: its IR, and what could not be assembled. */
export interface AssembledWorkflow {
  readonly ir: WorkflowNode;
  readonly problems: readonly Problem[];
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

  /** The workflow as IR (plain, frozen data), assembled once. */
  assemble(): AssembledWorkflow {
    if (this.#assembled) return this.#assembled;
    const ctx = new LowerContext(this.options.queryLanguage ?? "JSONPath");
    const graph = lowerGraph(this.definition, ctx);
    const o = this.options;
    const ir: WorkflowNode = {
      kind: "Workflow",
      name: this.name,
      type: o.type ?? "STANDARD",
      ...(o.comment !== undefined ? { comment: o.comment } : {}),
      ...(o.queryLanguage !== undefined ? { queryLanguage: o.queryLanguage } : {}),
      ...(o.timeoutSeconds !== undefined ? { timeoutSeconds: o.timeoutSeconds } : {}),
      ...(o.logging !== undefined ? { logging: o.logging } : {}),
      ...(o.tracing !== undefined ? { tracing: o.tracing } : {}),
      ...(this.source ? { source: this.source } : {}),
      ...graph,
    };
    this.#assembled = deepFreeze({ ir, problems: ctx.problems });
    return this.#assembled;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function isWorkflow(value: unknown): value is Workflow<unknown, unknown> {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[workflowBrand] === true;
}

/**
 * A state machine. Export it from a module and `stepwright build` compiles it to ASL and Terraform.
 * @example
 * export const orders = workflow("process-order", {
 *   input: Order,
 *   definition: validate.next(charge).next(ship),
 * });
 */
export function workflow<D extends Definition, S extends z.ZodType = never>(
  name: string,
  options: WorkflowOptions<D, S>,
): Workflow<[S] extends [never] ? InputOf<D> : z.output<S>, OutputOf<D>> {
  const { definition, ...rest } = options;
  return new Workflow(name, rest as Omit<WorkflowOptions<unknown, unknown>, "definition">, definition, callSite()) as never;
}
