import type { GraphNode } from "../../src/ir/graph.js";
import type { JsonValue } from "../../src/ir/json.js";
import type { QueryLanguage } from "../../src/ir/query-language.js";
import type { StateNode } from "../../src/ir/state.js";
import { pathSegments, readsOf } from "../typeflow/uses/reads.js";
import { Shape } from "./base/shape.js";

/** What each state of a definition needs of its input, and of its task's result. */
export interface Needs {
  /** By state name: the fields the state reads, or hands on to a state that reads them. */
  readonly input: ReadonlyMap<string, Shape>;
  /** By state name (Task, Map, Parallel): the fields of its result that are read. */
  readonly result: ReadonlyMap<string, Shape>;
  /** By state name: whether the state itself reads fields of its input (type tests included). */
  readonly reads: ReadonlyMap<string, boolean>;
}

type Path = (string | number)[];

/** A path the analysis follows (fields and indexes); `"$"` is the whole value. */
function plain(path: string | null | undefined): Path | undefined {
  if (path === undefined || path === "$") return [];
  if (path === null) return undefined;
  return pathSegments(path);
}

const produces = (s: StateNode) =>
  s.kind === "Task" ||
  s.kind === "Map" ||
  s.kind === "Parallel" ||
  (s.kind === "Pass" && (s.result !== undefined || s.parameters !== undefined));

/**
 * Where the fields a state's output must have come from: its input (what passes through) or its
 * result, through OutputPath and ResultPath as ASL applies them (JSONPath). A path the analysis
 * cannot follow (filters, slices, ...) hands nothing on: the types do not follow it either.
 */
function passing(state: StateNode, out: Shape, language: QueryLanguage): { input: Shape; result: Shape } {
  const none = { input: new Shape(), result: new Shape() };
  const f = state as Partial<Record<"inputPath" | "outputPath" | "resultPath", string | null>> & { output?: JsonValue };
  if (state.kind === "Fail") return none;
  if (language === "JSONata") {
    if (f.output !== undefined) return none;
    return state.kind === "Task" || state.kind === "Map" || state.kind === "Parallel"
      ? { input: new Shape(), result: out }
      : { input: out, result: new Shape() };
  }
  if (f.outputPath === null) return none;
  const selected = plain(f.outputPath);
  if (!selected) return none;
  const merged = out.nestedAt(selected);
  const input = plain(f.inputPath);
  if (!produces(state) && state.kind !== "Pass") return input ? { input: merged.nestedAt(input), result: new Shape() } : none;
  if (f.resultPath === null) return { input: merged, result: new Shape() };
  const at = plain(f.resultPath);
  if (!at) return none;
  const result = merged.find(at) ?? new Shape();
  const rest = at.length === 0 ? new Shape() : merged.without(at);
  // A Pass with neither Result nor Parameters has its (InputPath-selected) input as its result.
  if (!produces(state)) return { input: input ? rest.merge(result.nestedAt(input)) : rest, result: new Shape() };
  return { input: rest, result };
}

/** A catcher hands on the state's input with the error merged at its ResultPath (none: only the error). */
function caught(state: StateNode, needOf: (name: string) => Shape): Shape {
  const into = new Shape();
  for (const c of "catch" in state ? (state.catch ?? []) : []) {
    if (c.resultPath === undefined) continue;
    const at = plain(c.resultPath);
    if (c.resultPath === null) into.merge(needOf(c.next));
    else if (at) into.merge(needOf(c.next).without(at));
  }
  return into;
}

/** Where a state goes on to: Next, a Choice's rules and Default. */
function successors(state: StateNode): string[] {
  if (state.kind === "Choice") return [...state.choices.map((r) => r.next), ...(state.default !== undefined ? [state.default] : [])];
  return "next" in state && typeof state.next === "string" ? [state.next] : [];
}

class Analysis {
  readonly input = new Map<string, Shape>();
  readonly result = new Map<string, Shape>();
  readonly reads = new Map<string, boolean>();
  /** Each state's own reads, as a shape: they do not change from one round to the next. */
  readonly #own = new Map<string, Shape>();

  /** Works a graph out until nothing more is learnt (loops hand needs round until they settle). */
  graph(graph: GraphNode, language: QueryLanguage, atEnd: Shape): Shape {
    // Shapes only grow, and no deeper than Shape's limit: this settles.
    for (let changed = true; changed;) {
      changed = false;
      for (const state of graph.states) {
        const before = this.input.get(state.name)?.key();
        this.state(state, state.queryLanguage ?? language, atEnd);
        if (this.input.get(state.name)!.key() !== before) changed = true;
      }
    }
    return this.input.get(graph.startAt) ?? new Shape();
  }

  #need(name: string): Shape {
    return this.input.get(name) ?? new Shape();
  }

  state(state: StateNode, language: QueryLanguage, atEnd: Shape): void {
    const out = new Shape();
    const next = successors(state);
    for (const name of next) out.merge(this.#need(name));
    if (next.length === 0 && state.kind !== "Choice") out.merge(atEnd);
    const need = new Shape().merge(this.#ownReads(state, language));
    const { input, result } = passing(state, out, language);
    need.merge(input).merge(caught(state, (name) => this.#need(name)));
    this.result.set(state.name, result);
    if (state.kind === "Map") need.merge(this.#items(state, result, language));
    if (state.kind === "Parallel") {
      const into = plain((state as { inputPath?: string | null }).inputPath);
      for (const [i, branch] of state.branches.entries()) {
        const start = this.graph(branch, branch.queryLanguage ?? language, result.elementAt(i));
        if (into && language === "JSONPath" && state.parameters === undefined) need.merge(start.nestedAt(into));
      }
    }
    this.input.set(state.name, need);
  }

  #ownReads(state: StateNode, language: QueryLanguage): Shape {
    let own = this.#own.get(state.name);
    if (!own) {
      own = new Shape();
      const reads = readsOf(state, language, { tests: true });
      for (const read of reads) {
        // A field an earlier IsPresent of the same And guards may be absent: the read runs only where it is there.
        const at = read.test
          ? own.tested(read.path)
          : read.guarded
            ? own.tested(read.path.slice(0, read.guarded)).at(read.path.slice(read.guarded))
            : own.at(read.path);
        at.whole = true;
        if (read.need === "array") at.element ??= new Shape();
        else if (read.need !== "present") at.need(read.need);
      }
      this.#own.set(state.name, own);
      this.reads.set(state.name, reads.length > 0);
    }
    return own;
  }

  /** A Map's item processor, whose outputs are the elements of the result; its first step's needs are the items'. */
  #items(state: Extract<StateNode, { kind: "Map" }>, result: Shape, language: QueryLanguage): Shape {
    const start = this.graph(state.itemProcessor, state.itemProcessor.queryLanguage ?? language, result.anyElement() ?? new Shape());
    const items = plain(state.itemsPath);
    // Items from an ItemReader (S3) are not the input's; an ItemSelector builds each item's input itself.
    if (language !== "JSONPath" || state.itemReader || state.itemSelector !== undefined || state.parameters !== undefined || !items)
      return new Shape();
    const input = plain(state.inputPath);
    if (!input) return new Shape();
    const need = new Shape();
    need.at([...input, ...items]).element = new Shape().merge(start);
    return need;
  }
}

/** What every state of the workflow needs of its input and of its result, worked back from the reads. */
export function needsOf(workflow: GraphNode, language: QueryLanguage): Needs {
  const analysis = new Analysis();
  analysis.graph(workflow, language, new Shape());
  return analysis;
}
