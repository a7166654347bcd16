import type {
  CatcherNode,
  ChoiceRuleNode,
  ComparisonOperator,
  ConditionNode,
  GraphNode,
  ItemProcessorNode,
  MapNode,
  ResourceNode,
  RetrierNode,
  StateNode,
  WorkflowNode,
} from "../../src/ir/index.js";
import { comparisonOperators } from "../../src/ir/index.js";
import {
  catcherFields,
  choiceFields,
  choiceRuleFields,
  copyFields,
  credentialsFields,
  failFields,
  type FieldPair,
  graphFields,
  headFields,
  inputFields,
  itemBatcherFields,
  itemReaderFields,
  mapFields,
  openObjectToIr,
  outputFields,
  parallelFields,
  passFields,
  processorConfigFields,
  readerConfigFields,
  resultWriterFields,
  retrierFields,
  taskFields,
  transitionFields,
  waitFields,
  workflowFields,
  writerConfigFields,
} from "../asl/fields.js";
import { resourceOfArn } from "../../src/integrations/resource.js";

/** A field or shape the IR cannot hold, with the JSON path where it was found. */
export class AslReadError extends Error {
  override readonly name = "AslReadError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

type Json = Record<string, unknown>;

const aslKeys = (pairs: readonly FieldPair[]) => pairs.map(([, asl]) => asl);
const commonKeys = ["Type", ...aslKeys(headFields), ...aslKeys(inputFields), ...aslKeys(outputFields), ...aslKeys(transitionFields)];
const keysByKind: Record<string, readonly string[]> = {
  Task: [...commonKeys, ...aslKeys(taskFields), "Credentials", "Resource", "Retry", "Catch"],
  Pass: [...commonKeys, ...aslKeys(passFields)],
  Choice: [...commonKeys, ...aslKeys(choiceFields), "Choices"],
  Wait: [...commonKeys, ...aslKeys(waitFields)],
  Succeed: commonKeys,
  Fail: [...commonKeys, ...aslKeys(failFields)],
  Parallel: [...commonKeys, ...aslKeys(parallelFields), "Branches", "Retry", "Catch"],
  Map: [...commonKeys, ...aslKeys(mapFields), "ItemProcessor", "Iterator", "ItemReader", "ItemBatcher", "ResultWriter", "Retry", "Catch"],
};

function object(value: unknown, path: string): Json {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new AslReadError(path, "expected an object");
  return value as Json;
}

function onlyKeys(value: Json, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new AslReadError(path, `unknown field ${unknown.map((k) => `"${k}"`).join(", ")}`);
}

function fields<T>(from: Json, pairs: readonly FieldPair[], extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...extra };
  copyFields(from, out, pairs, "toIr");
  return out as T;
}

/** Keeps the meaning of service-integration ARNs; anything else stays the ARN text it was. */
export function readResource(arn: unknown, path: string): ResourceNode {
  if (typeof arn !== "string") throw new AslReadError(path, "Resource must be a string");
  return resourceOfArn(arn);
}

function readRetry(value: unknown, path: string): RetrierNode[] {
  if (!Array.isArray(value)) throw new AslReadError(path, "Retry must be an array");
  return value.map((r, i) => {
    const retrier = object(r, `${path}[${i}]`);
    onlyKeys(retrier, aslKeys(retrierFields), `${path}[${i}]`);
    return fields<RetrierNode>(retrier, retrierFields, {});
  });
}

function readCatch(value: unknown, path: string): CatcherNode[] {
  if (!Array.isArray(value)) throw new AslReadError(path, "Catch must be an array");
  return value.map((c, i) => {
    const catcher = object(c, `${path}[${i}]`);
    onlyKeys(catcher, aslKeys(catcherFields), `${path}[${i}]`);
    return fields<CatcherNode>(catcher, catcherFields, {});
  });
}

const operators = new Set<string>(comparisonOperators);

function readCondition(value: unknown, path: string, withRuleFields: boolean): ConditionNode {
  const rule = object(value, path);
  const ruleKeys = withRuleFields ? aslKeys(choiceRuleFields) : ["Comment"];
  if ("And" in rule || "Or" in rule) {
    const key = "And" in rule ? "And" : "Or";
    onlyKeys(rule, [key, ...ruleKeys], path);
    const list = rule[key];
    if (!Array.isArray(list)) throw new AslReadError(`${path}.${key}`, "expected an array");
    const conditions = list.map((c, i) => readCondition(c, `${path}.${key}[${i}]`, false));
    return key === "And" ? { kind: "and", conditions } : { kind: "or", conditions };
  }
  if ("Not" in rule) {
    onlyKeys(rule, ["Not", ...ruleKeys], path);
    return { kind: "not", condition: readCondition(rule.Not, `${path}.Not`, false) };
  }
  const ops = Object.keys(rule).filter((k) => operators.has(k));
  if (ops.length !== 1 || typeof rule.Variable !== "string") {
    throw new AslReadError(path, "a choice rule needs a Variable and exactly one comparison operator");
  }
  onlyKeys(rule, ["Variable", ops[0]!, ...ruleKeys], path);
  return {
    kind: "comparison",
    variable: rule.Variable,
    operator: ops[0] as ComparisonOperator,
    value: rule[ops[0]!] as string | number | boolean,
  };
}

function readChoiceRule(value: unknown, path: string): ChoiceRuleNode {
  const rule = object(value, path);
  if ("Condition" in rule) {
    onlyKeys(rule, ["Condition", ...aslKeys(choiceRuleFields)], path);
    return fields<ChoiceRuleNode>(rule, choiceRuleFields, { condition: rule.Condition });
  }
  return fields<ChoiceRuleNode>(rule, choiceRuleFields, { condition: readCondition(rule, path, true) });
}

function readState(name: string, value: unknown, path: string): StateNode {
  const state = object(value, path);
  const kind = state.Type;
  if (typeof kind !== "string" || !(kind in keysByKind))
    throw new AslReadError(`${path}.Type`, `unknown state type ${JSON.stringify(kind)}`);
  onlyKeys(state, keysByKind[kind]!, path);
  const common = (kindFields: readonly FieldPair[]): any => {
    const out: Record<string, unknown> = { kind, name };
    copyFields(state, out, [...headFields, ...inputFields, ...kindFields, ...outputFields, ...transitionFields], "toIr");
    if (state.Retry !== undefined) out.retry = readRetry(state.Retry, `${path}.Retry`);
    if (state.Catch !== undefined) out.catch = readCatch(state.Catch, `${path}.Catch`);
    return out;
  };
  switch (kind) {
    case "Task":
      return {
        ...common(taskFields),
        resource: readResource(state.Resource, `${path}.Resource`),
        ...(state.Credentials !== undefined
          ? { credentials: openObjectToIr(object(state.Credentials, `${path}.Credentials`), credentialsFields) }
          : {}),
      } as StateNode;
    case "Pass":
      return common(passFields) as StateNode;
    case "Wait":
      return common(waitFields) as StateNode;
    case "Succeed":
      return common([]) as StateNode;
    case "Fail":
      return common(failFields) as StateNode;
    case "Choice": {
      if (!Array.isArray(state.Choices)) throw new AslReadError(`${path}.Choices`, "expected an array");
      const choices = state.Choices.map((r, i) => readChoiceRule(r, `${path}.Choices[${i}]`));
      return { ...common(choiceFields), choices } as StateNode;
    }
    case "Parallel": {
      if (!Array.isArray(state.Branches)) throw new AslReadError(`${path}.Branches`, "expected an array");
      const branches = state.Branches.map((b, i) => readGraph(b, `${path}.Branches[${i}]`, []));
      return { ...common(parallelFields), branches } as StateNode;
    }
    default:
      return readMap(state, common(mapFields), path);
  }
}

function readMap(state: Json, base: Record<string, unknown>, path: string): StateNode {
  const field = "ItemProcessor" in state ? "ItemProcessor" : "Iterator";
  const processorJson = object(state[field], `${path}.${field}`);
  const graph = readGraph(processorJson, `${path}.${field}`, ["ProcessorConfig"]);
  const itemProcessor: ItemProcessorNode = { ...graph, ...(field === "Iterator" ? { field } : {}) };
  if (processorJson.ProcessorConfig !== undefined) {
    const config = object(processorJson.ProcessorConfig, `${path}.${field}.ProcessorConfig`);
    onlyKeys(config, aslKeys(processorConfigFields), `${path}.${field}.ProcessorConfig`);
    Object.assign(itemProcessor, { processorConfig: fields(config, processorConfigFields, {}) });
  }
  const map: Record<string, unknown> = { ...base, itemProcessor };
  if (state.ItemReader !== undefined) {
    const reader = object(state.ItemReader, `${path}.ItemReader`);
    onlyKeys(reader, ["Resource", "ReaderConfig", ...aslKeys(itemReaderFields)], `${path}.ItemReader`);
    const config =
      reader.ReaderConfig === undefined
        ? {}
        : { readerConfig: openObjectToIr(object(reader.ReaderConfig, `${path}.ItemReader.ReaderConfig`), readerConfigFields) };
    map.itemReader = fields(reader, itemReaderFields, {
      resource: readResource(reader.Resource, `${path}.ItemReader.Resource`),
      ...config,
    });
  }
  if (state.ItemBatcher !== undefined) {
    const batcher = object(state.ItemBatcher, `${path}.ItemBatcher`);
    onlyKeys(batcher, aslKeys(itemBatcherFields), `${path}.ItemBatcher`);
    map.itemBatcher = fields(batcher, itemBatcherFields, {});
  }
  if (state.ResultWriter !== undefined) {
    const writer = object(state.ResultWriter, `${path}.ResultWriter`);
    onlyKeys(writer, ["Resource", "WriterConfig", ...aslKeys(resultWriterFields)], `${path}.ResultWriter`);
    const resource = writer.Resource === undefined ? {} : { resource: readResource(writer.Resource, `${path}.ResultWriter.Resource`) };
    const config =
      writer.WriterConfig === undefined
        ? {}
        : { writerConfig: openObjectToIr(object(writer.WriterConfig, `${path}.ResultWriter.WriterConfig`), writerConfigFields) };
    map.resultWriter = fields(writer, resultWriterFields, { ...resource, ...config });
  }
  return map as unknown as MapNode;
}

function readGraph(value: unknown, path: string, extraKeys: readonly string[]): GraphNode {
  const graph = object(value, path);
  onlyKeys(graph, ["StartAt", "States", ...aslKeys(graphFields), ...extraKeys], path);
  if (typeof graph.StartAt !== "string") throw new AslReadError(`${path}.StartAt`, "expected a string");
  const states = object(graph.States, `${path}.States`);
  return fields<GraphNode>(graph, graphFields, {
    startAt: graph.StartAt,
    states: Object.entries(states).map(([name, s]) => readState(name, s, `${path}.States[${JSON.stringify(name)}]`)),
  });
}

/**
 * Reads an ASL definition into the IR; throws AslReadError naming the first thing it cannot hold.
 * @example const ir = readAsl({ StartAt: "Hello", States: { Hello: { Type: "Pass", End: true } } }, "hello");
 */
export function readAsl(definition: unknown, name = "workflow"): WorkflowNode {
  const root = object(definition, "$");
  onlyKeys(root, ["StartAt", "States", ...aslKeys(workflowFields)], "$");
  const graph = readGraph({ StartAt: root.StartAt, States: root.States }, "$", []);
  return fields<WorkflowNode>(root, workflowFields, { kind: "Workflow", name, type: "STANDARD", ...graph });
}
