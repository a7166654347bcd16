import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { compile, type CompileOptions } from "../compile.js";
import type { Diagnostic } from "../diagnostic.js";
import { type LocalEvent, runLocally, type TaskHandler } from "./local.js";
import { UnsupportedFeatureError } from "./unsupported.js";
import { descriptorOf } from "../../src/integrations/registry.js";
import type { ResourceNode } from "../../src/ir/resource.js";
import { statesOf } from "../../src/ir/walk.js";

/** What a local run needs for a Task's resource: a mock, or (`--invoke-aws`) the real Lambda function. */
function localRunOf(resource: ResourceNode): "mock" | "lambda" {
  if (resource.kind === "function") return "lambda";
  if (resource.kind === "integration") return descriptorOf(resource)?.localRun ?? "mock";
  return /^arn:[^:]+:lambda:/.test(resource.arn) ? "lambda" : "mock";
}

export interface RunCommandOptions extends Pick<CompileOptions, "cwd" | "region" | "account" | "tsconfig"> {
  readonly file: string;
  readonly workflow?: string;
  /** JSON text, or `@path` to a JSON file. */
  readonly input?: string;
  /** `State=@handler.ts` (its default export answers) or `State=<json>` (a fixed answer). */
  readonly mocks?: readonly string[];
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

function readJson(text: string, cwd: string, what: string): unknown {
  const source = text.startsWith("@") ? readFileSync(resolve(cwd, text.slice(1)), "utf8") : text;
  try {
    return JSON.parse(source);
  } catch {
    throw new UsageError(`${what} is not JSON: ${source.length > 60 ? `${source.slice(0, 60)}…` : source}`);
  }
}

import type { WorkflowNode } from "../../src/ir/workflow.js";
import type { RunTrail } from "../emit/diagram/run.js";

export class UsageError extends Error {}

async function loadMocks(specs: readonly string[], cwd: string): Promise<Record<string, TaskHandler>> {
  const mocks: Record<string, TaskHandler> = Object.create(null) as Record<string, TaskHandler>;
  const scope = register({ namespace: `stepwright-mocks-${Date.now()}` });
  try {
    for (const spec of specs) {
      const at = spec.indexOf("=");
      if (at <= 0) throw new UsageError(`--mock takes State=@handler.ts or State=<json>, not "${spec}"`);
      const [state, value] = [spec.slice(0, at), spec.slice(at + 1)];
      if (value.startsWith("@") && /\.[cm]?[jt]s$/.test(value)) {
        if (!existsSync(resolve(cwd, value.slice(1)))) throw new UsageError(`the mock of "${state}": file not found: ${value.slice(1)}`);
        const module = (await scope.import(pathToFileURL(resolve(cwd, value.slice(1))).href, import.meta.url)) as { default?: unknown };
        const handler = (module.default as { default?: unknown } | undefined)?.default ?? module.default;
        if (typeof handler !== "function") throw new UsageError(`${value.slice(1)} must export a default function (the mock of "${state}")`);
        mocks[state] = handler as TaskHandler;
      } else {
        const answer = readJson(value, cwd, `the mock of "${state}"`);
        mocks[state] = () => structuredClone(answer);
      }
    }
  } finally {
    await scope.unregister();
  }
  return mocks;
}

/** `stepwright run`: compiles the file, picks the workflow, runs it locally with the mocks. */
export async function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  const cwd = options.cwd ?? process.cwd();
  try {
    const input = options.input === undefined ? {} : readJson(options.input, cwd, "--input");
    const mocks = await loadMocks(options.mocks ?? [], cwd);
    const result = await compile({ files: [options.file], cwd, region: options.region ?? "us-east-1", account: options.account ?? "000000000000", ...(options.tsconfig ? { tsconfig: options.tsconfig } : {}) });
    if (result.diagnostics.some((d) => d.severity === "error")) return { kind: "diagnostics", diagnostics: result.diagnostics };
    const names = result.workflows.map((w) => w.name);
    const chosen = options.workflow ? result.workflows.find((w) => w.name === options.workflow) : result.workflows.length === 1 ? result.workflows[0] : undefined;
    if (!chosen) {
      return { kind: "usage", message: options.workflow ? `no workflow "${options.workflow}" in ${options.file} (it has: ${names.join(", ") || "none"})` : `${options.file} has ${names.length} workflows; pick one with --workflow (${names.join(", ")})` };
    }
    const callsLambda = new Set(statesOf(chosen.ir).filter(({ state }) => state.kind === "Task" && localRunOf(state.resource) === "lambda").map(({ state }) => state.name));
    const run = await runLocally(chosen.asl, input, {
      mocks,
      ...(options.invokeAws ? { callAws: callsLambda } : {}),
      noMock: (name) => `Task "${name}" has no mock: pass --mock ${name}=@handler.ts or ${name}='<json>'${options.invokeAws ? "" : " (or --invoke-aws to call real Lambda functions)"}`,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const { output, error, ...trail } = run;
    return { kind: "ran", ...(error ? { error } : { output }), workflow: chosen.ir, trail };
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnsupportedFeatureError) return { kind: "usage", message: error.message };
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "usage", message: (error as Error).message };
    throw error;
  }
}

