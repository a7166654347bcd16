import type { GraphNode } from "../../../src/ir/graph.js";
import type { JsonValue } from "../../../src/ir/json.js";
import type { QueryLanguage } from "../../../src/ir/query-language.js";
import * as dsl from "../../../src/index.js";
import { type Code, call } from "../code.js";

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
}

type DslName = keyof typeof dsl;

/** `name(args)` with the DSL's own function of that name, imported. */
export function dslCall(ctx: { readonly imports: Set<string> }, name: DslName, args: readonly Code[]): Code {
  ctx.imports.add(name);
  return call(name, dsl[name] as (...a: unknown[]) => unknown, args);
}

/** Fields a state holds that the writer left to the emitter's escape hatch (`.asl({...})`). */
export type Patch = Readonly<Record<string, JsonValue>>;

/** A DSL export as a value (`lambda`, to call `lambda.invoke(...)` on), imported. */
export function dslValue(ctx: { readonly imports: Set<string> }, name: DslName): Code {
  ctx.imports.add(name);
  return { text: name, value: dsl[name] };
}
