import type { WorkflowTypes } from "../../typeflow/types/collect.js";
import { declarationsText, typeText } from "./typescript.js";

/** Whether the user's project can call Step Functions through the AWS SDK v3 (`@aws-sdk/client-sfn` is a dependency). */
export interface ModuleOptions {
  readonly sdk: boolean;
  /** The workflow's file as the header names it (relative to the project). */
  readonly source: string;
}

/** A state name as an identifier part: `Charge card` → `ChargeCard`. */
function pascal(state: string): string {
  const words = state.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_$]/.test(name) ? name : `State${name}`;
}

/**
 * The TypeScript module of a workflow's types (unformatted; the caller runs Prettier): its input and
 * output, each Lambda's handler type by the state that calls it, each callback's output and, with
 * the AWS SDK, typed calls to start the workflow and to answer a callback. It imports nothing of
 * Stepwright's: a Lambda bundle that imports it stays as small as it was.
 */
export function typesModule(types: WorkflowTypes, options: ModuleOptions): string {
  const taken = new Set(types.declarations.map(([name]) => name));
  const unique = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    return name;
  };
  const lines: string[] = [
    `// The types of workflow ${JSON.stringify(types.workflow)} (${options.source}), written by \`stepwright build --types\`: build again rather than edit.`,
    ...(options.sdk
      ? [
          `import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient, StartExecutionCommand${types.express ? ", StartSyncExecutionCommand" : ""} } from "@aws-sdk/client-sfn";`,
        ]
      : []),
    "",
    ...declarationsText(new Map(types.declarations)),
    "",
    `/** What an execution of ${JSON.stringify(types.workflow)} takes. */`,
    `export type Input = ${typeText(types.input)};`,
    `/** What an execution of ${JSON.stringify(types.workflow)} ends with. */`,
    `export type Output = ${typeText(types.output)};`,
    "",
  ];
  const handlerEntries = types.handlers.map((h) => {
    const base = pascal(h.state);
    const event = unique(`${base}Event`);
    lines.push(`export type ${event} = ${typeText(h.event)};`);
    if (h.result === undefined) return `${JSON.stringify(h.state)}: (event: ${event}) => void | Promise<void>;`;
    const result = unique(`${base}Result`);
    lines.push(`export type ${result} = ${typeText(h.result)};`);
    return `${JSON.stringify(h.state)}: (event: ${event}) => ${result} | Promise<${result}>;`;
  });
  const callbackEntries = types.callbacks.map((c) => `${JSON.stringify(c.state)}: ${typeText(c.output)};`);
  lines.push(
    "",
    "/** The handler of each Lambda function a state calls, by state name: what it receives, and what it must return. */",
    `export interface Handlers {${handlerEntries.join("\n")}}`,
    "",
    '/** A Lambda function\'s handler, checked against the workflow that calls it: `export const handler: Handler<"ChargeCard"> = async (event) => ...`. */',
    "export type Handler<Name extends keyof Handlers> = Handlers[Name];",
    "",
    "/** What each state that waits for a task token expects its callback to send (SendTaskSuccess's output), by state name. */",
    `export interface Callbacks {${callbackEntries.join("\n")}}`,
  );
  if (options.sdk) lines.push("", ...sdkCalls(types));
  else
    lines.push(
      "",
      "// start, startSync (Express), sendTaskSuccess and sendTaskFailure are written here once the project depends on @aws-sdk/client-sfn.",
    );
  return `${lines.join("\n")}\n`;
}

/** Typed calls through the AWS SDK v3: start an execution (and, for Express, run one), answer a callback. */
function sdkCalls(types: WorkflowTypes): string[] {
  return [
    "/** Starts an execution of the workflow with a typed input. */",
    "export async function start(client: SFNClient, stateMachineArn: string, input: Input, name?: string): Promise<{ executionArn: string }> {",
    "  const started = await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name !== undefined ? { name } : {}) }));",
    '  return { executionArn: started.executionArn ?? "" };',
    "}",
    ...(types.express
      ? [
          "",
          "/** Runs an Express execution to its end: its output, typed, or the error it failed with (thrown). */",
          "export async function startSync(client: SFNClient, stateMachineArn: string, input: Input): Promise<Output> {",
          "  const run = await client.send(new StartSyncExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));",
          '  if (run.status !== "SUCCEEDED") throw new Error(`${run.error ?? run.status}: ${run.cause ?? ""}`);',
          '  return JSON.parse(run.output ?? "null") as Output;',
          "}",
        ]
      : []),
    "",
    "/** Answers the callback a state waits for with the output it expects. */",
    "export async function sendTaskSuccess<Name extends keyof Callbacks>(client: SFNClient, _state: Name, taskToken: string, output: Callbacks[Name]): Promise<void> {",
    "  await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));",
    "}",
    "",
    "/** Fails the state waiting for the callback, with an error name and cause its Retry and Catch see. */",
    "export async function sendTaskFailure(client: SFNClient, taskToken: string, error: string, cause?: string): Promise<void> {",
    "  await client.send(new SendTaskFailureCommand({ taskToken, error, ...(cause !== undefined ? { cause } : {}) }));",
    "}",
  ];
}
