import type { GraphNode } from "../../../src/ir/graph.js";
import type { JsonValue } from "../../../src/ir/json.js";
import type { QueryLanguage } from "../../../src/ir/query-language.js";
import * as dsl from "../../../src/index.js";
import { type Code, call } from "../base/code.js";
import type { Shape } from "../base/shape.js";

/** What writing one step needs from the module being written. */
export interface StepContext {
  /** The DSL names the module imports (each writer adds what it uses). */
  readonly imports: Set<string>;
  /** The step's query language (its own, or its graph's). */
  readonly language: QueryLanguage;
  /** The chain that starts at the named state (the target of a rule or a catcher). */
  readonly target: (name: string) => Code;
  /** A nested graph (a Parallel branch, a Map's item processor) as a chain. */
  readonly graph: (graph: GraphNode) => Code;
  /**
   * Called with the step as configured before its first rule or catcher (the calls that take
   * targets): a loop back to the step chains to this version. Returns the code to go on from.
   */
  readonly beforeTargets: (step: Code) => Code;
  /** The types worked out for this step (see `types.ts`). */
  readonly types: StepTypes;
  /** The Terraform reference a `${...}` text stands for (a definition read from Terraform). */
  readonly reference: (text: string) => string | undefined;
}

/** Types to write on a step: where data enters, and what is read of a task's result. */
export interface StepTypes {
  /**
   * The input to declare (a type's text): on the workflow's first step, its input; on the first
   * step of a rule's, a catcher's, a branch's or an item processor's chain, what it reads or hands on.
   * For a Task, Map or Parallel, the input after InputPath.
   */
  readonly input?: string;
  /** A Pass's input after its InputPath: what its parameters' `$` is (where `input` is declared). */
  readonly selected?: string;
  /** A Task's, Map's or Parallel's whole input, where `input` is the part its InputPath selects: declared on `.inputPath`'s selector. */
  readonly raw?: string;
  /** What is read of a task's result (through ResultSelector): its integration is typed with it. */
  readonly result?: Shape;
  /** Declares an interface for a shape, named after the step (`ChargeCardResult`); returns its name. */
  readonly named: (suffix: string, shape: Shape) => string;
}

type DslName = keyof typeof dsl;

/** `name(args)` with the DSL's own function of that name, imported. */
export function dslCall(ctx: { readonly imports: Set<string> }, name: DslName, args: readonly Code[], types?: readonly string[]): Code {
  ctx.imports.add(name);
  return call(name, dsl[name] as (...a: unknown[]) => unknown, args, types);
}

/** Fields a state holds that the writer left to the emitter's escape hatch (`.asl({...})`). */
export type Patch = Readonly<Record<string, JsonValue>>;

/** A DSL export as a value (`lambda`, to call `lambda.invoke(...)` on), imported. */
export function dslValue(ctx: { readonly imports: Set<string> }, name: DslName): Code {
  ctx.imports.add(name);
  return { text: name, value: dsl[name] };
}
