import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type NamespacedUnregister, register } from "tsx/esm/api";
import { compile, type CompileOptions } from "../compile.js";
import type { Diagnostic } from "../base/diagnostic.js";
import { inputIssues } from "../base/input-schema.js";
import { readAsl } from "../read/asl.js";
import { type LocalEvent, mocksInTurn, ObjectStore, runLocally, StepError, type TaskHandler } from "../run/local.js";
import { descriptorOf } from "../../src/integrations/registry.js";
import type { ResourceNode } from "../../src/ir/resource.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { statesOf } from "../../src/ir/walk.js";
import type { RunTrail } from "../emit/diagram/run.js";

/** What a local run needs for a Task's resource: a mock, or (`--invoke-aws`) the real Lambda function. */
function localRunOf(resource: ResourceNode): "mock" | "lambda" {
  if (resource.kind === "function") return "lambda";
  if (resource.kind === "integration") return descriptorOf(resource)?.localRun ?? "mock";
  return /^arn:[^:]+:lambda:/.test(resource.arn) ? "lambda" : "mock";
}

export interface RunCommandOptions extends Pick<CompileOptions, "cwd" | "region" | "account" | "tsconfig"> {
  /** A TypeScript file exporting workflows, or a definition as ASL (`.json`). */
  readonly file: string;
  readonly workflow?: string;
  /** JSON text, or `@path` to a JSON file. */
  readonly input?: string;
  /** `State=@handler.ts`, `State=<json>` or `State=!Error.Name:cause`; State may be a Resource ARN; repeated, a sequence. */
  readonly mocks?: readonly string[];
  /** `s3://bucket/key=@file` (or `=text`), `s3://bucket/prefix/=@folder/`. */
  readonly objects?: readonly string[];
  /** Where ResultWriter writes: `<dir>/<bucket>/<key>`. */
  readonly results?: string;
  readonly invokeAws?: boolean;
  readonly onEvent?: (event: LocalEvent) => void;
}

export type RunCommandResult =
  | { readonly kind: "diagnostics"; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: "usage"; readonly message: string }
  | {
      readonly kind: "ran";
      readonly output?: unknown;
      readonly error?: { error: string; cause: unknown };
      /** The workflow run and the states it went through: what a run diagram draws. */
      readonly workflow: WorkflowNode;
      readonly trail: RunTrail;
    };

export class UsageError extends Error {}

/** tsx's import scope for the handler modules of one run. */
type Namespace = NamespacedUnregister;

function readJson(text: string, cwd: string, what: string): unknown {
  const source = text.startsWith("@") ? readFileSync(resolve(cwd, text.slice(1)), "utf8") : text;
  try {
    return JSON.parse(source);
  } catch {
    throw new UsageError(`${what} is not JSON: ${source.length > 60 ? `${source.slice(0, 60)}…` : source}`);
  }
}

/** One `--mock` answer: a handler module's default export, a failure (`!Error:cause`), or a JSON value. */
async function answerOf(state: string, value: string, cwd: string, scope: Namespace): Promise<TaskHandler> {
  if (value.startsWith("!")) {
    const at = value.indexOf(":");
    const [error, cause] = at < 0 ? [value.slice(1), ""] : [value.slice(1, at), value.slice(at + 1)];
    if (error === "") throw new UsageError(`the mock of "${state}": !Error.Name:cause needs an error name`);
    return () => {
      throw new StepError(error, cause);
    };
  }
  if (value.startsWith("@") && /\.[cm]?[jt]s$/.test(value)) {
    if (!existsSync(resolve(cwd, value.slice(1)))) throw new UsageError(`the mock of "${state}": file not found: ${value.slice(1)}`);
    const module = (await scope.import(pathToFileURL(resolve(cwd, value.slice(1))).href, import.meta.url)) as { default?: unknown };
    const handler = (module.default as { default?: unknown } | undefined)?.default ?? module.default;
    if (typeof handler !== "function") throw new UsageError(`${value.slice(1)} must export a default function (the mock of "${state}")`);
    return handler as TaskHandler;
  }
  const answer = readJson(value, cwd, `the mock of "${state}"`);
  return () => structuredClone(answer);
}

/** The `--mock` answers by state (or Resource): given more than once, they answer in turn, the last one every call after. */
async function loadMocks(specs: readonly string[], cwd: string): Promise<Map<string, TaskHandler[]>> {
  const mocks = new Map<string, TaskHandler[]>();
  const scope = register({ namespace: `stepwright-mocks-${Date.now()}` });
  try {
    for (const spec of specs) {
      const at = spec.indexOf("=");
      if (at <= 0) throw new UsageError(`--mock takes State=@handler.ts, State=<json> or State=!Error:cause, not "${spec}"`);
      const state = spec.slice(0, at);
      mocks.set(state, [...(mocks.get(state) ?? []), await answerOf(state, spec.slice(at + 1), cwd, scope)]);
    }
  } finally {
    await scope.unregister();
  }
  return mocks;
}

/** The `--object` URIs and what they hold: a file or folder (`@path`), or text. */
function loadObjects(specs: readonly string[], cwd: string): ObjectStore {
  const store = new ObjectStore();
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const uri = at < 0 ? spec : spec.slice(0, at);
    if (at < 0 || !/^s3:\/\/[^/]+/.test(uri))
      throw new UsageError(`--object takes s3://bucket/key=@file (or s3://bucket/prefix/=@folder/), not "${spec}"`);
    const value = spec.slice(at + 1);
    if (!value.startsWith("@")) {
      store.add(uri, value);
      continue;
    }
    const path = resolve(cwd, value.slice(1));
    if (!existsSync(path)) throw new UsageError(`--object ${uri}: file not found: ${value.slice(1)}`);
    try {
      store.addPath(uri, path);
    } catch (error) {
      throw new UsageError(`--object ${uri}: ${(error as Error).message}`);
    }
  }
  return store;
}

/** The workflow to run: from a TypeScript module (compiled, checked), or a definition as ASL. */
async function chosenWorkflow(
  options: RunCommandOptions,
  cwd: string,
): Promise<
  | { kind: "diagnostics"; diagnostics: readonly Diagnostic[] }
  | { kind: "chosen"; ir: WorkflowNode; asl: Record<string, any>; inputSchema?: Readonly<Record<string, unknown>> }
> {
  if (/\.json$/i.test(options.file)) {
    const asl = readJson(`@${options.file}`, cwd, options.file) as Record<string, any>;
    return { kind: "chosen", asl, ir: readAsl(asl, options.workflow ?? "workflow") };
  }
  // A run needs the workflow's ASL, not its files: no Terraform, no formatted text.
  const result = await compile({
    files: [options.file],
    cwd,
    region: options.region ?? "us-east-1",
    account: options.account ?? "000000000000",
    ...(options.tsconfig ? { tsconfig: options.tsconfig } : {}),
    checkOnly: true,
  });
  if (result.diagnostics.some((d) => d.severity === "error")) return { kind: "diagnostics", diagnostics: result.diagnostics };
  const names = result.workflows.map((w) => w.name);
  const chosen = options.workflow
    ? result.workflows.find((w) => w.name === options.workflow)
    : result.workflows.length === 1
      ? result.workflows[0]
      : undefined;
  if (!chosen) {
    throw new UsageError(
      options.workflow
        ? `no workflow "${options.workflow}" in ${options.file} (it has: ${names.join(", ") || "none"})`
        : `${options.file} has ${names.length} workflows; pick one with --workflow (${names.join(", ")})`,
    );
  }
  return { kind: "chosen", ir: chosen.ir, asl: chosen.asl, ...(chosen.inputSchema ? { inputSchema: chosen.inputSchema } : {}) };
}

/** `stepwright run`: compiles the file (or reads the ASL), picks the workflow, runs it locally with the mocks and objects. */
export async function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  const cwd = options.cwd ?? process.cwd();
  try {
    const input = options.input === undefined ? {} : readJson(options.input, cwd, "--input");
    const mocks = await loadMocks(options.mocks ?? [], cwd);
    const objects = loadObjects(options.objects ?? [], cwd);
    const chosen = await chosenWorkflow(options, cwd);
    if (chosen.kind === "diagnostics") return chosen;
    if (chosen.inputSchema) {
      const issues = await inputIssues(chosen.inputSchema, input);
      if (issues.length > 0)
        throw new UsageError(`--input does not fit the input schema of workflow "${chosen.ir.name}": ${issues.join("; ")}`);
    }
    const callsLambda = new Set(
      statesOf(chosen.ir)
        .filter(({ state }) => state.kind === "Task" && localRunOf(state.resource) === "lambda")
        .map(({ state }) => state.name),
    );
    const run = await runLocally(chosen.asl, input, {
      mocks: mocksInTurn(
        mocks,
        chosen.asl,
        (target, tasks) =>
          new UsageError(`--mock ${target}: workflow "${chosen.ir.name}" has no Task state or Resource of that name (its Tasks: ${tasks})`),
      ),
      objects,
      ...(options.results ? { resultsDir: resolve(cwd, options.results) } : {}),
      ...(options.invokeAws ? { callAws: callsLambda } : {}),
      region: options.region ?? "us-east-1",
      account: options.account ?? "000000000000",
      stateMachineName: chosen.ir.name,
      noMock: (name) =>
        `Task "${name}" has no mock: pass --mock ${name}=@handler.ts or ${name}='<json>'${options.invokeAws ? "" : " (or --invoke-aws to call real Lambda functions)"}`,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const { output, error, ...trail } = run;
    return { kind: "ran", ...(error ? { error } : { output }), workflow: chosen.ir, trail };
  } catch (error) {
    if (error instanceof UsageError) return { kind: "usage", message: error.message };
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "usage", message: (error as Error).message };
    throw error;
  }
}
