import type { QueryLanguage } from "../../../src/ir/query-language.js";
import type { SourceSpan } from "../../../src/ir/source.js";
import type { StateNode } from "../../../src/ir/state.js";
import type { WorkflowNode } from "../../../src/ir/workflow.js";
import { statesOf } from "../../../src/ir/walk.js";
import type { DataEdge } from "./edges.js";
import { factsOf, factsOfMisses, joinFacts, type RuleFacts } from "./facts.js";
import { pathSegments } from "./reads.js";

/** A field path below a state's input: names and array indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * One way data reaches a step: an edge of the graph (`.next`, a Choice rule, a catcher, a Map's
 * items), or a Parallel handing its input to a branch. Plain data, and the arrivals of a workflow
 * refer to each other (around a loop, in a cycle): structured cloning keeps both.
 */
export interface Arrival {
  /** Where TypeScript is asked what is handed over (the method's name: `next` in `a.next(b)`); none for a Parallel's branch start. */
  readonly site?: SourceSpan;
  /** The producer in a message's words: `"GetQuote"`, `Choice "Large?"`, `the catcher on "Charge"`. */
  readonly producer: string;
  readonly producerName: string;
  /**
   * What a catcher puts in the handler's input: `{ Error, Cause }` at this path (`[]`: it is the
   * whole input). Reads below it are checked against that; no type needs to be asked for them.
   */
  readonly errorAt?: FieldPath;
  /** A sentence a finding on this arrival ends with (a catcher without ResultPath). */
  readonly hint?: string;
  /** What the Choice rule this arrival is made by says of the data when it matches (the fields it tested, and the rules before it that did not match). */
  readonly facts?: RuleFacts;
  /**
   * A Choice's rule or default: TypeScript compares a target's declared input with the Choice's
   * input both ways only (see BranchTarget), so the compiler checks it against what the rule lets through.
   */
  readonly narrowing?: true;
  /** The edge kind it comes by, or a Parallel's branch start. */
  readonly via: DataEdge["via"] | "branch";
  /** For `.next`: the first state of the chain it was called on (see DataEdge). */
  readonly chainStart?: string;
  /** Set where nothing can be said of what arrives (a catcher's JSONata Output): no finding, no warning. */
  readonly opaque?: true;
  /**
   * What the producer hands on of its own input, as it received it: every field but those below
   * `writes` (its ResultPath), or everything when `writes` is absent. Where the type at `site`
   * cannot vouch for such a field (a step declared on its own knows only its declared input), what
   * arrives at the producer decides: every arrival into it (`before`), loops' back edges included.
   */
  readonly passes?: { readonly writes?: FieldPath };
  /** Every arrival into the producer (none where it starts a graph): what must arrive for data to come this way. */
  readonly before: Arrival[];
}

/** A path a state writes into its input (a ResultPath), as field segments; undefined where it replaces the input or is not a plain path. */
function written(path: string): FieldPath | undefined {
  if (path === "$") return undefined;
  const segments = pathSegments(path);
  return segments && segments.length > 0 ? segments : undefined;
}

type Handing = { readonly writes?: FieldPath } | undefined;

/** ResultPath null keeps the input; `$.a` writes `a` and keeps the rest; anything else replaces it. */
function byResultPath(resultPath: string | null | undefined): Handing {
  if (resultPath === null) return {};
  const writes = resultPath === undefined ? undefined : written(resultPath);
  return writes ? { writes } : undefined;
}

/**
 * What a state hands on of its own input along `.next` (AWS: InputPath, Parameters, ResultPath,
 * OutputPath; JSONata: Output, which replaces everything). Undefined: nothing passes as it was.
 */
function handedOnByNext(state: StateNode, language: QueryLanguage): Handing {
  if (language === "JSONata") return (state.kind === "Pass" || state.kind === "Wait") && state.output === undefined ? {} : undefined;
  if ("outputPath" in state && state.outputPath !== undefined) return undefined;
  switch (state.kind) {
    case "Wait":
      return state.inputPath === undefined ? {} : undefined;
    case "Pass": {
      const same = state.inputPath === undefined && state.parameters === undefined && state.result === undefined;
      return same && (state.resultPath === undefined || state.resultPath === "$") ? {} : byResultPath(state.resultPath);
    }
    case "Task":
    case "Map":
    case "Parallel":
      return byResultPath(state.resultPath);
    default:
      return undefined;
  }
}

/** A Choice hands its input to its targets as it is, unless it filters it. */
function handedOnByRule(state: StateNode, language: QueryLanguage): Handing {
  if (state.kind !== "Choice") return undefined;
  if (language === "JSONata") return state.output === undefined ? {} : undefined;
  return state.inputPath === undefined && state.outputPath === undefined ? {} : undefined;
}

/**
 * Every arrival into each state of a workflow (nested graphs included), from the edges as written
 * in code and the IR: the data flow the read checks follow backwards.
 */
export function arrivalsOf(ir: WorkflowNode, edges: readonly DataEdge[]): ReadonlyMap<string, readonly Arrival[]> {
  const scoped = new Map(statesOf(ir).map(({ state, scope }) => [state.name, { state, language: scope.queryLanguage }]));
  const into = new Map<string, Arrival[]>();
  const add = (to: string, arrival: Arrival) => into.set(to, [...(into.get(to) ?? []), arrival]);
  const filling: { arrival: Arrival; from: string }[] = [];
  for (const edge of edges) {
    const producer = scoped.get(edge.from);
    if (!producer) continue;
    const arrival = arrivalOf(edge, producer.state, producer.language);
    filling.push({ arrival, from: edge.from });
    add(edge.to, arrival);
  }
  // A Parallel hands its input to the start of every branch, as it is (unless it filters it).
  for (const { state, language } of scoped.values()) {
    if (state.kind !== "Parallel") continue;
    const filtered =
      language === "JSONata" ? state.arguments !== undefined : state.inputPath !== undefined || state.parameters !== undefined;
    for (const branch of state.branches) {
      const arrival: Arrival = {
        producer: `Parallel ${JSON.stringify(state.name)}`,
        producerName: state.name,
        via: "branch",
        ...(filtered ? { opaque: true } : { passes: {} }),
        before: [],
      };
      filling.push({ arrival, from: state.name });
      add(branch.startAt, arrival);
    }
  }
  // Filled once every arrival exists: a loop's arrivals refer to each other.
  for (const { arrival, from } of filling) arrival.before.push(...(into.get(from) ?? []));
  return into;
}

function arrivalOf(edge: DataEdge, producer: StateNode, language: QueryLanguage): Arrival {
  const name = JSON.stringify(edge.from);
  const base = {
    site: edge.source,
    producerName: edge.from,
    via: edge.via,
    before: [],
    ...(edge.chainStart !== undefined ? { chainStart: edge.chainStart } : {}),
  };
  switch (edge.via) {
    case "next":
      if (reshapedAsWritten(producer)) return { ...base, producer: name, opaque: true };
      return withHanding({ ...base, producer: name }, handedOnByNext(producer, language));
    case "rule": {
      const rules = producer.kind === "Choice" ? producer.choices : [];
      // A rule is tried only where those before it did not match; the default where none did.
      const rule = edge.rule !== undefined ? rules[edge.rule] : undefined;
      const misses = factsOfMisses(rules.slice(0, edge.rule ?? rules.length).map((r) => r.condition));
      const facts = rule ? joinFacts(factsOf(rule.condition), misses) : misses;
      // A Choice that filters or reshapes what it hands on (InputPath, OutputPath, Output) hands on
      // what TypeScript's type of its input does not say: nothing can be said of it here.
      const handing = handedOnByRule(producer, language);
      if (rule?.output !== undefined || handing === undefined || reshapedAsWritten(producer))
        return { ...base, producer: `Choice ${name}`, opaque: true };
      return withHanding({ ...base, producer: `Choice ${name}`, facts, narrowing: true }, handing);
    }
    case "item":
      return { ...base, producer: `each item of Map ${name}` };
    case "catch": {
      const catcher = "catch" in producer ? producer.catch?.[edge.catcher ?? -1] : undefined;
      const at = { ...base, producer: `the catcher on ${name}` };
      if (!catcher || catcher.output !== undefined) return { ...at, opaque: true };
      // The handler gets the error output, or (ResultPath) the step's raw input with it merged (AWS: "Error handling", Catch ResultPath).
      if (language === "JSONata" || catcher.resultPath === undefined || catcher.resultPath === "$") {
        const hint =
          language === "JSONPath" && catcher.resultPath === undefined
            ? { hint: "A catcher without resultPath passes only { Error, Cause }; set resultPath to keep the step's input." }
            : {};
        return { ...at, errorAt: [], ...hint };
      }
      if (catcher.resultPath === null) return withHanding(at, {});
      const writes = written(catcher.resultPath);
      return writes ? { ...withHanding(at, { writes }), errorAt: writes } : { ...at, opaque: true };
    }
  }
}

/** ASL fields that decide what a state hands on. */
const dataFlowFields = ["InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "Arguments", "Output"];

/**
 * Whether a state's own ASL (`.asl({...})`, the escape hatch) decides what it hands on: what it
 * hands on is then nothing TypeScript's types of the step say.
 */
function reshapedAsWritten(state: StateNode): boolean {
  return state.asl !== undefined && dataFlowFields.some((field) => field in state.asl!);
}

function withHanding(arrival: Omit<Arrival, "passes">, handing: Handing): Arrival {
  return handing ? { ...arrival, passes: handing } : arrival;
}
