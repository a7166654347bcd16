import { setMaxListeners } from "node:events";
import { Stopped } from "./clock.js";
import { StatesError, statesErrorOf } from "./errors.js";
import type { Execution, Frame, Graph, State } from "./execution.js";
import { evaluateField } from "./jsonata.js";
import { readItems } from "./objects.js";
import { applyTemplate, readPath } from "./paths.js";
import { writeResults } from "./results.js";
import { built, fieldValue, requestTemplate } from "./fields.js";
import { VariableScope } from "./variables.js";

/** A Task: its request (Parameters or Arguments) to the mock that answers for it. */
export async function runTask(
  run: Execution,
  name: string,
  state: State,
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<unknown> {
  const resource = String(state.Resource);
  const context = resource.endsWith(".waitForTaskToken") ? { ...frame.context, Task: { Token: "local-task-token" } } : frame.context;
  const request = await stateInput(run, name, state, raw, effective, { ...frame, context });
  try {
    return await run.clock.outside(() => run.options.answer({ state: name, resource, input: request, context }));
  } catch (thrown) {
    throw statesErrorOf(thrown);
  }
}

/** A Pass: its Result, or its Parameters built, or its input (JSONata: its Output, worked out by the caller). */
export async function runPass(
  run: Execution,
  name: string,
  state: State,
  _raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<{ has: boolean; value?: unknown }> {
  if (frame.language === "JSONata") return { has: false };
  if (state.Result !== undefined) return { has: true, value: structuredClone(state.Result) };
  if (state.Parameters !== undefined) return { has: true, value: applyTemplate(state.Parameters, run.pathScope(name, frame, effective)) };
  return { has: true, value: effective };
}

/** A Wait: the seconds or the timestamp it names pass on the run's virtual clock (at once, in order). */
export async function runWait(run: Execution, name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<void> {
  let wait: number;
  if (frame.language === "JSONata") {
    const scope = run.jsonataScope(name, frame, { input: raw });
    wait =
      state.Timestamp !== undefined
        ? until(run, timestamp(await evaluateField(state.Timestamp, scope, "Timestamp"), name, "Timestamp"))
        : seconds(await evaluateField(state.Seconds, scope, "Seconds"), name, "Seconds");
  } else {
    const scope = run.pathScope(name, frame, effective);
    if (state.SecondsPath !== undefined) wait = seconds(readPath(state.SecondsPath, scope), name, "SecondsPath");
    else if (state.TimestampPath !== undefined) wait = until(run, timestamp(readPath(state.TimestampPath, scope), name, "TimestampPath"));
    else if (state.Timestamp !== undefined) wait = until(run, timestamp(state.Timestamp, name, "Timestamp"));
    else wait = seconds(state.Seconds, name, "Seconds");
  }
  await run.clock.sleep(wait, frame.signal);
}

function seconds(value: unknown, state: string, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new StatesError(
      "States.Runtime",
      `In state '${state}': ${field} must give a whole number of seconds, not ${JSON.stringify(value)}.`,
    );
  return value;
}
function timestamp(value: unknown, state: string, field: string): number {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
    throw new StatesError("States.Runtime", `In state '${state}': ${field} must give an ISO 8601 timestamp, not ${JSON.stringify(value)}.`);
  return Date.parse(value);
}
const until = (run: Execution, at: number) => Math.max(0, (at - run.clock.now().getTime()) / 1000);

/**
 * Runs `count` pieces of work side by side, at most `limit` at once (0: no limit), results in
 * order. The first to fail stops the rest (at their next state) and is the failure.
 */
async function sideBySide<T>(
  count: number,
  limit: number,
  frame: Frame,
  work: (index: number, signal: AbortSignal) => Promise<T>,
): Promise<T[]> {
  const controller = new AbortController();
  // Every branch or iteration waiting listens on it: as many as run at once, not a leak.
  setMaxListeners(0, controller.signal);
  const stop = () => controller.abort(new Stopped());
  frame.signal?.addEventListener("abort", stop, { once: true });
  const results: T[] = new Array(count);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < count && !failure) {
      const index = next++;
      try {
        results[index] = await work(index, controller.signal);
      } catch (error) {
        if (!failure && !(error instanceof Stopped)) {
          failure = { error };
          stop();
        }
      }
    }
  };
  const workers = Math.min(count, limit > 0 ? limit : count);
  await Promise.all(Array.from({ length: workers }, worker));
  frame.signal?.removeEventListener("abort", stop);
  if (failure) throw failure.error;
  if (frame.signal?.aborted) throw new Stopped();
  return results;
}

/** What a Task sends, or a Parallel hands each branch: its Arguments (JSONata) or Parameters (JSONPath) built, else its input. */
async function stateInput(run: Execution, name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<unknown> {
  const template = requestTemplate(frame, state);
  if (template === undefined) return frame.language === "JSONata" ? raw : effective;
  return built(run, name, frame, raw, effective, template, "Arguments");
}

/** A Parallel: each branch on the same input, in a variable scope of its own; the outputs in branch order. */
export async function runParallel(
  run: Execution,
  name: string,
  state: State,
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<unknown[]> {
  const input = await stateInput(run, name, state, raw, effective, frame);
  const branches = (state.Branches ?? []) as Graph[];
  return sideBySide(branches.length, 0, frame, (i, signal) =>
    run.runGraph(branches[i]!, structuredClone(input), {
      ...frame,
      variables: new VariableScope(frame.variables),
      language: branches[i]!.QueryLanguage ?? frame.language,
      signal,
    }),
  );
}

/** The items a Map runs over: read by its ItemReader, or its ItemsPath (JSONata: Items) of its input. */
async function itemsOf(run: Execution, name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<unknown[]> {
  const jsonata = frame.language === "JSONata";
  let items: unknown;
  if (state.ItemReader) {
    const reader = state.ItemReader as {
      Resource: string;
      Parameters?: Record<string, unknown>;
      Arguments?: unknown;
      ReaderConfig?: Record<string, unknown>;
    };
    const parameters = (await built(
      run,
      name,
      frame,
      raw,
      effective,
      requestTemplate(frame, reader) ?? {},
      "ItemReader Arguments",
    )) as Record<string, unknown>;
    const config = (await built(run, name, frame, raw, effective, reader.ReaderConfig ?? {}, "ReaderConfig")) as Record<string, unknown>;
    if (!run.options.objects)
      throw new StatesError(
        "States.ItemReaderFailed",
        `Map "${name}" reads s3://${String(parameters.Bucket)}/${String(parameters.Key ?? parameters.Prefix ?? "")}, and the run was given no objects`,
      );
    items = await readItems(run.options.objects, reader.Resource, parameters, config);
    const max = await fieldValue(run, name, frame, raw, effective, config, "MaxItems");
    if (typeof max === "number" && max > 0) items = (items as unknown[]).slice(0, max);
  } else if (jsonata) {
    items = state.Items === undefined ? raw : await evaluateField(state.Items, run.jsonataScope(name, frame, { input: raw }), "Items");
  } else {
    items = state.ItemsPath === undefined ? effective : readPath(state.ItemsPath, run.pathScope(name, frame, effective));
  }
  if (!Array.isArray(items))
    throw new StatesError("States.Runtime", `Map "${name}": its items are not an array (${JSON.stringify(items)?.slice(0, 80)}).`);
  return items;
}

/**
 * ItemBatcher (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html):
 * the items (each already through the ItemSelector) in batches of at most MaxItemsPerBatch and
 * MaxInputBytesPerBatch, each `{ Items, ...BatchInput }`.
 */
async function batched(
  run: Execution,
  name: string,
  state: State,
  items: unknown[],
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<unknown[]> {
  const batcher = state.ItemBatcher as Record<string, unknown> | undefined;
  if (!batcher) return items;
  const maxItems = (await fieldValue(run, name, frame, raw, effective, batcher, "MaxItemsPerBatch")) as number | undefined;
  const maxBytes = (await fieldValue(run, name, frame, raw, effective, batcher, "MaxInputBytesPerBatch")) as number | undefined;
  const batchInput = await built(run, name, frame, raw, effective, batcher.BatchInput ?? {}, "BatchInput");
  const batches: unknown[][] = [];
  let current: unknown[] = [];
  // The batch's bytes as `[a,b,...]`: brackets, the items, the commas between them.
  let bytes = 2;
  for (const item of items) {
    const itemBytes = Buffer.byteLength(JSON.stringify(item));
    const full = (maxItems !== undefined && current.length >= maxItems) || (maxBytes !== undefined && bytes + 1 + itemBytes > maxBytes);
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    bytes += (current.length > 0 ? 1 : 0) + itemBytes;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches.map((Items) => ({ ...(batchInput as object), Items }));
}

/** One item's input: the ItemSelector (JSONPath: or the legacy Parameters) built with `$$.Map.Item`, or the item itself. */
async function itemInput(
  run: Execution,
  name: string,
  state: State,
  item: unknown,
  index: number,
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<unknown> {
  const context = { ...frame.context, Map: { Item: { Index: index, Value: item } } };
  const selector = state.ItemSelector ?? (frame.language === "JSONata" ? undefined : state.Parameters);
  if (selector === undefined) return item;
  return built(run, name, { ...frame, context }, raw, effective, selector, "ItemSelector");
}

/**
 * A Map: each item through the ItemProcessor, outputs in item order. Inline, an iteration reads the
 * variables around it and its failure fails the Map. Distributed, each item is a child execution
 * (its own context, no variables from outside), failures count against ToleratedFailureCount and
 * ToleratedFailurePercentage, and a ResultWriter writes the results as AWS lays them out.
 */
export async function runMap(run: Execution, name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<unknown> {
  const processor = (state.ItemProcessor ?? state.Iterator) as Graph & { ProcessorConfig?: { Mode?: string } };
  const distributed = processor.ProcessorConfig?.Mode === "DISTRIBUTED";
  const items = await itemsOf(run, name, state, raw, effective, frame);
  const selected = await Promise.all(items.map((item, index) => itemInput(run, name, state, item, index, raw, effective, frame)));
  const inputs = await batched(run, name, state, selected, raw, effective, frame);
  const language = processor.QueryLanguage ?? frame.language;
  const limit = await maxConcurrency(run, name, state, raw, effective, frame);
  if (!distributed) {
    return sideBySide(inputs.length, limit, frame, (index, signal) =>
      run.runGraph(processor, inputs[index], { ...frame, variables: new VariableScope(frame.variables), language, signal }),
    );
  }
  const mapRun = run.nextMapRun();
  const execution = frame.context.Execution as { Id: string; Name: string };
  // Child executions: a failed one is a result, not the Map's failure (that is the tolerance's to say).
  const executions = await sideBySide(inputs.length, limit, frame, async (index, signal): Promise<ChildExecution> => {
    const input = inputs[index];
    const childName = `${execution.Name}-${mapRun}-${index}`;
    const context = {
      ...frame.context,
      Execution: { ...execution, Id: `${execution.Id.replace(":execution:", ":express:")}/${childName}`, Name: childName, Input: input },
    };
    try {
      return {
        name: childName,
        input,
        status: "SUCCEEDED",
        output: await run.runGraph(processor, input, {
          variables: new VariableScope(),
          context,
          language,
          signal,
          transitions: { count: 0 },
        }),
      };
    } catch (thrown) {
      if (thrown instanceof Stopped) throw thrown;
      return { name: childName, input, status: "FAILED", error: statesErrorOf(thrown) };
    }
  });
  const failed = executions.filter((e) => e.status === "FAILED").length;
  await tolerate(run, name, state, failed, executions.length, raw, effective, frame);
  return writeResults(run, name, state, executions, mapRun, raw, effective, frame);
}

export interface ChildExecution {
  readonly name: string;
  readonly input: unknown;
  readonly status: "SUCCEEDED" | "FAILED";
  readonly output?: unknown;
  readonly error?: StatesError;
}

/** MaxConcurrency (or its path, or its JSONata): how many iterations at once, 0 for no limit. */
async function maxConcurrency(run: Execution, name: string, state: State, raw: unknown, effective: unknown, frame: Frame): Promise<number> {
  const value = await fieldValue(run, name, frame, raw, effective, state, "MaxConcurrency");
  return typeof value === "number" && value >= 0 ? value : 0;
}

/** More failed items than the Map tolerates fails it with States.ExceedToleratedFailureThreshold. */
async function tolerate(
  run: Execution,
  name: string,
  state: State,
  failed: number,
  total: number,
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<void> {
  if (failed === 0) return;
  const count = (await fieldValue(run, name, frame, raw, effective, state, "ToleratedFailureCount")) as number | undefined;
  const percentage = (await fieldValue(run, name, frame, raw, effective, state, "ToleratedFailurePercentage")) as number | undefined;
  const within = (count !== undefined && failed <= count) || (percentage !== undefined && (failed / total) * 100 <= percentage);
  if (!within)
    throw new StatesError(
      "States.ExceedToleratedFailureThreshold",
      `Map "${name}": ${failed} of ${total} items failed, more than it tolerates.`,
    );
}
