import type { GraphNode } from "../../src/ir/graph.js";
import type { StateNode } from "../../src/ir/state.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { pathSegments, pathsIn } from "../typeflow/uses/reads.js";
import type { Namer } from "./names.js";
import { needsOf } from "./needs.js";
import { Shape } from "./base/shape.js";
import type { StepTypes } from "./steps/context.js";

/** The types a workflow's module declares, and what each step writes of them. */
export interface WorkflowTypes {
  /** `export interface ...` declarations, in the order they were named. */
  readonly declarations: string[];
  readonly of: (state: StateNode) => StepTypes;
}

/** The first steps of chains other than the workflow's: rule targets, catchers' handlers, branches, item processors. */
function chainStarts(graph: GraphNode, into = new Set<string>()): Set<string> {
  for (const state of graph.states) {
    if (state.kind === "Choice")
      for (const name of [...state.choices.map((r) => r.next), ...(state.default ? [state.default] : [])]) into.add(name);
    if ("catch" in state) for (const c of state.catch ?? []) into.add(c.next);
    if (state.kind === "Parallel") for (const branch of state.branches) chainStarts(branch, into.add(branch.startAt));
    if (state.kind === "Map") chainStarts(state.itemProcessor, into.add(state.itemProcessor.startAt));
  }
  return into;
}

/** What is read of a task's result, before its ResultSelector reshapes it. */
function readOfResult(state: StateNode, selected: Shape): Shape {
  const selector = "resultSelector" in state ? state.resultSelector : undefined;
  if (selector === undefined || typeof selector !== "object" || selector === null) return selected;
  const read = new Shape();
  const walk = (template: unknown, at: string[]) => {
    if (template === null || typeof template !== "object" || Array.isArray(template)) return;
    for (const [key, value] of Object.entries(template)) {
      if (key.endsWith(".$") && typeof value === "string") {
        const path = pathSegments(value);
        if (path) read.at(path).merge(selected.find([...at, key.slice(0, -2)]));
        // The paths an intrinsic reads (`States.StringToJson($.Item.count.N)`): what it gives is not a field of the result.
        else for (const arg of pathsIn(value)) read.at(pathSegments(arg) ?? []);
      } else walk(value, [...at, key]);
    }
  };
  walk(selector, []);
  return read;
}

/** `AtPath<Input, "$.detail.order">`: the part of a declared type a path selects (the DSL's own type for it). */
function selectedType(type: string, path: string, imports: Set<string>): string {
  imports.add("type AtPath");
  return `AtPath<${type}, ${JSON.stringify(path)}>`;
}

/** A declared input's text (its fields, see `Shape.fieldsText`): `{}` when nothing of it is read (what is merged into it is then typed). */
function inputText(shape: Shape | undefined): string {
  return !shape || shape.empty ? "{}" : shape.fieldsText();
}

/** Whether a step's output holds its input (passed on, or with a result merged into it). */
function handsInputOn(state: StateNode): boolean {
  const f = state as { resultPath?: string | null; result?: unknown; parameters?: unknown; outputPath?: string | null };
  if (state.kind === "Wait") return true;
  if (state.kind === "Pass" && f.result === undefined && f.parameters === undefined) return true;
  const merges = f.resultPath === null || (typeof f.resultPath === "string" && f.resultPath !== "$");
  return (state.kind === "Task" || state.kind === "Map" || state.kind === "Parallel" || state.kind === "Pass") && merges;
}

/**
 * Which steps declare their input: the first of each chain (a rule's, a catcher's, a branch's, an
 * item processor's), every step that reads fields (TypeScript then checks what reaches it), and a
 * Parallel whose catchers hand on its input. Not a Choice that filters its input or output (or
 * whose rules give their targets an Output): its targets get that, which the Choice's types do not follow.
 */
function declaresInput(state: StateNode, chainStart: boolean, reads: boolean): boolean {
  if (
    state.kind === "Choice" &&
    (state.inputPath !== undefined ||
      state.outputPath !== undefined ||
      state.output !== undefined ||
      state.choices.some((r) => r.output !== undefined))
  )
    return false;
  if (chainStart) return true;
  if (state.kind === "Parallel" && (state.catch ?? []).some((c) => c.resultPath !== undefined)) return true;
  return reads;
}

/**
 * Types from what the definition reads: the workflow's input (an interface, declared on its first
 * step), each chain's first step's input, and each task's result (its integration's output type).
 * A field is `unknown` unless something reads into it; nothing is `any`.
 */
export function typesOf(workflow: WorkflowNode, namer: Namer, name: string, imports: Set<string>): WorkflowTypes {
  const needs = needsOf(workflow, workflow.queryLanguage ?? "JSONPath");
  const starts = chainStarts(workflow);
  const declarations: string[] = [];
  const declare = (typeName: string, shape: Shape) => {
    const identifier = namer.type(typeName);
    const text = shape.empty ? "{}" : shape.typeText();
    declarations.push(/^\{.*\}$/s.test(text) ? `export interface ${identifier} ${text}` : `export type ${identifier} = ${text};`);
    return identifier;
  };
  // Declared even when nothing of it is read: what the steps merge into it is then typed (merged into `any`, it is not).
  const workflowInput = declare(`${name} input`, needs.input.get(workflow.startAt) ?? new Shape());
  return {
    declarations,
    of: (state) => {
      const isStart = state.name === workflow.startAt && workflow.states.includes(state);
      const need = needs.input.get(state.name);
      const result = needs.result.get(state.name);
      const read = result && state.kind === "Task" ? readOfResult(state, result) : undefined;
      const types = {
        ...(read && !read.empty ? { result: read } : {}),
        named: (suffix: string, shape: Shape) => declare(`${state.name} ${suffix}`, shape),
      };
      const declaring = isStart || declaresInput(state, starts.has(state.name), needs.reads.get(state.name) ?? false);
      // Nothing of it read: declared as `{}` only where the step hands its input on (what it merges in is then typed).
      const raw = isStart ? workflowInput : declaring && (need?.empty === false || handsInputOn(state)) ? inputText(need) : undefined;
      if (!raw) return types;
      const inputPath = "inputPath" in state ? state.inputPath : undefined;
      if (inputPath === undefined || inputPath === "$") return { ...types, input: raw };
      if (inputPath === null || !pathSegments(inputPath)) return types;
      // A Task, Map or Parallel declares the input after InputPath, and the whole input on `.inputPath`'s selector.
      if (state.kind === "Task" || state.kind === "Map" || state.kind === "Parallel")
        return { ...types, input: selectedType(raw, inputPath, imports), raw };
      // A Pass's parameters read the input after InputPath.
      return {
        ...types,
        input: raw,
        ...(state.kind === "Pass" && state.parameters !== undefined ? { selected: selectedType(raw, inputPath, imports) } : {}),
      };
    },
  };
}
