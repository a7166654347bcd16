import type { GraphNode } from "../../src/ir/graph.js";
import type { QueryLanguage } from "../../src/ir/query-language.js";
import type { StateNode } from "../../src/ir/state.js";
import { type Code, code, json, method } from "./base/code.js";
import type { Namer } from "./names.js";
import type { Patch, StepTypes } from "./steps/context.js";
import { stepCode } from "./steps/index.js";

/** What the module being written offers each graph: names, imports, the declarations so far. */
export interface ModuleParts {
  readonly namer: Namer;
  readonly imports: Set<string>;
  /** `const name = ...;` lines, in the order they must run. */
  readonly declarations: string[];
  /** ASL fields to write with `.asl(...)`, by state name (what the importer's check found the builder calls miss). */
  readonly patches: ReadonlyMap<string, Patch>;
  /** The types each step writes. */
  readonly types: (state: StateNode) => StepTypes;
  /** Terraform references, by the `${...}` text that holds their place in the definition. */
  readonly references: ReadonlyMap<string, string>;
}

/** A state the builder calls cannot express: a step needed to build itself (see `GraphWriter.declare`). */
export class ImportProblem extends Error {
  constructor(
    readonly state: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Writes one graph (the workflow's, a branch, an item processor) as steps and chains. Each state
 * becomes a `const`, declared before the first step that needs it; each run of `Next` becomes a
 * chain (`a.next(b).next(c)`), written where it is first reached — from the start, or as the
 * target of a Choice rule or a catcher — so a loop back to a step is a reference to its `const`.
 */
export class GraphWriter {
  readonly #states: ReadonlyMap<string, StateNode>;
  readonly #declared = new Map<string, Code>();
  readonly #building = new Map<string, Building>();
  /** States whose `Next` edge a chain already holds. */
  readonly #chained = new Set<string>();

  constructor(
    private readonly module: ModuleParts,
    private readonly graph: GraphNode,
    private readonly language: QueryLanguage,
  ) {
    this.#states = new Map(graph.states.map((s) => [s.name, s]));
  }

  /** The chain from the graph's start; every state of the graph must be on it. */
  write(): Code {
    const chain = this.#chain(this.graph.startAt);
    const missed = this.graph.states.find((s) => !this.#declared.has(s.name));
    if (missed)
      throw new ImportProblem(
        missed.name,
        `"${missed.name}" cannot be reached from "${this.graph.startAt}"; a workflow written with Stepwright holds only the states its chains reach.`,
      );
    return chain;
  }

  /** The chain from `start` along `Next`, up to an end, a Choice, or a state a chain already continues. */
  #chain(start: string): Code {
    const parts: Code[] = [];
    for (let name: string | undefined = start; name !== undefined;) {
      parts.push(this.#declare(name));
      if (this.#chained.has(name)) break;
      this.#chained.add(name);
      const state: StateNode = this.#states.get(name)!;
      name = "next" in state && typeof state.next === "string" ? state.next : undefined;
    }
    return linked(parts);
  }

  /**
   * The `const` of a state, declared on first use. A Choice needs its targets' chains and a step
   * with catchers its handlers' chains before it can be built. A target that leads back to the step
   * being built chains to the step as configured before its rules or catchers (declared then, on its
   * own): the lowering takes the latest version of a step as the state.
   */
  #declare(name: string): Code {
    const known = this.#declared.get(name);
    if (known) return known;
    const building = this.#building.get(name);
    if (building) return this.#earlierVersion(name, building);
    const state = this.#states.get(name);
    if (!state) throw new ImportProblem(name, `"${name}" is not a state of this graph.`);
    const entry: Building = {};
    this.#building.set(name, entry);
    const language = state.queryLanguage ?? this.language;
    let step = stepCode(state, {
      imports: this.module.imports,
      language,
      target: (target) => this.#chain(target),
      graph: (graph) => new GraphWriter(this.module, graph, graph.queryLanguage ?? language).write(),
      beforeTargets: (base) => {
        entry.base = base;
        return code(marker, base.value);
      },
      types: this.module.types(state),
      reference: (text) => this.module.references.get(text),
    });
    const patch = this.module.patches.get(name);
    if (patch) step = method(step, "asl", [json(patch)]);
    const earlier = entry.declared;
    const identifier = this.module.namer.value(earlier ? `${name} ${state.kind === "Choice" ? "rules" : "caught"}` : name);
    const base = earlier?.text ?? entry.base?.text ?? "";
    // A function: a replacement string would read `$$` in the code as an escape.
    const text = step.text.replace(marker, () => base);
    this.module.declarations.push(`const ${identifier} = ${text};`);
    const declared = code(identifier, step.value);
    this.#building.delete(name);
    this.#declared.set(name, declared);
    return declared;
  }

  /** The step as configured before its rules or catchers, declared on its own for a loop to chain to. */
  #earlierVersion(name: string, building: Building): Code {
    if (!building.base)
      throw new ImportProblem(name, `"${name}" is reached again while its own options are written; builder calls cannot write that loop.`);
    if (!building.declared) {
      const identifier = this.module.namer.value(name);
      this.module.declarations.push(`const ${identifier} = ${building.base.text};`);
      building.declared = code(identifier, building.base.value);
    }
    return building.declared;
  }
}

/**
 * Steps joined by `.next`: `a.next(b).next(c)`. A run longer than `segment` is joined in segments
 * (`a.next(b)...next(j).next(k.next(l)...)`), and so on up, so no chain nests deeper than a few
 * hundred calls: TypeScript's parser and Prettier recurse into a chain, and a definition of
 * thousands of states in a row would overflow their stacks.
 */
function linked(parts: readonly Code[], segment = 100): Code {
  if (parts.length > segment) {
    const segments: Code[] = [];
    for (let i = 0; i < parts.length; i += segment) segments.push(linked(parts.slice(i, i + segment), segment));
    return linked(segments, segment);
  }
  return parts.slice(1).reduce((chain, part) => method(chain, "next", [part]), parts[0]!);
}

/** A state whose `const` is being written: the version before its targets, once known, and its own `const` if a loop needed one. */
interface Building {
  base?: Code;
  declared?: Code;
}

/** Where a step's code goes on from the version before its targets (replaced once it is known whether that version has a name). */
const marker = "\u0000before-targets\u0000";
