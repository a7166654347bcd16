import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { Diagnostic } from "../base/diagnostic.js";
import { WorkflowProject } from "./project.js";
import { checkTypeFlow } from "./check.js";
import { unparsable as isUnparsable } from "./restate/file.js";
import { checkUses, filesOf, type Use } from "./uses/check.js";
import { morphOps } from "./uses/morph-ops.js";
import { collectTypes, type WorkflowTypes } from "./types/collect.js";
import type { TypesRequest } from "./types/request.js";

/** A request to the type-check thread and its answer. */
export type CheckRequest =
  | { readonly id: number; readonly kind: "check"; readonly files: readonly string[]; readonly cwd: string; readonly tsconfig?: string }
  | { readonly id: number; readonly kind: "workflowFiles"; readonly cwd: string; readonly tsconfig?: string }
  | { readonly id: number; readonly kind: "refresh"; readonly files: readonly string[] }
  | { readonly id: number; readonly kind: "uses"; readonly uses: readonly Use[]; readonly cwd: string; readonly tsconfig?: string }
  | {
      readonly id: number;
      readonly kind: "types";
      readonly requests: readonly TypesRequest[];
      readonly cwd: string;
      readonly tsconfig?: string;
    };

export type CheckResponse =
  | { readonly id: number; readonly diagnostics: Diagnostic[]; readonly unparsable: string[] }
  | { readonly id: number; readonly files: string[] }
  | { readonly id: number; readonly types: WorkflowTypes[] }
  | { readonly id: number; readonly error: string };

/**
 * The type-check thread: holds the ts-morph project (kept warm between watch rebuilds) and answers
 * requests. A thread of its own so checking runs beside module evaluation, with a deep stack for
 * long builder chains (TypeScript's binder recurses once per `.next`).
 */
export function serve(): void {
  let project: WorkflowProject | undefined;
  let projectKey = "";
  const projectFor = (cwd: string, tsconfig?: string) => {
    const key = `${cwd}\0${tsconfig ?? ""}`;
    if (!project || key !== projectKey) [project, projectKey] = [new WorkflowProject(cwd, tsconfig), key];
    return project;
  };
  const check = async (files: readonly string[], cwd: string, tsconfig?: string) => {
    const diagnostics: Diagnostic[] = [];
    const unparsable: string[] = [];
    for (const file of projectFor(cwd, tsconfig).files(files)) {
      const found = await checkTypeFlow(file);
      diagnostics.push(...found);
      if (isUnparsable(found)) unparsable.push(file.getFilePath());
    }
    return { diagnostics, unparsable };
  };
  const stamp = (files: readonly string[], cwd: string, tsconfig?: string) =>
    JSON.stringify([cwd, tsconfig ?? "", ...files.map((f) => `${f}@${statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0}`)]);

  // Started by the CLI on files the native checker found errors in: check them before being asked.
  const warm = workerData as { files: string[]; cwd: string; tsconfig?: string } | undefined;
  let early: { stamp: string; result: ReturnType<typeof check> } | undefined;
  if (warm && warm.files.length > 0) {
    const result = check(warm.files, warm.cwd, warm.tsconfig);
    result.catch(() => {}); // a real request reports what went wrong
    early = { stamp: stamp(warm.files, warm.cwd, warm.tsconfig), result };
  }

  parentPort!.on("message", async (request: CheckRequest) => {
    try {
      if (request.kind === "uses") {
        const workflows = projectFor(request.cwd, request.tsconfig);
        workflows.files(filesOf(request.uses));
        parentPort!.postMessage({
          id: request.id,
          diagnostics: await checkUses(morphOps(workflows.project), request.uses),
          unparsable: [],
        });
      } else if (request.kind === "types") {
        const workflows = projectFor(request.cwd, request.tsconfig);
        workflows.files(request.requests.map((r) => r.file));
        const ops = morphOps(workflows.project);
        const types: WorkflowTypes[] = [];
        for (const one of request.requests) types.push(await collectTypes(ops, one));
        parentPort!.postMessage({ id: request.id, types });
      } else if (request.kind === "workflowFiles") {
        parentPort!.postMessage({ id: request.id, files: projectFor(request.cwd, request.tsconfig).workflowFiles() });
      } else if (request.kind === "refresh") {
        for (const file of request.files) project?.project.getSourceFile(file)?.refreshFromFileSystemSync();
        parentPort!.postMessage({ id: request.id, files: [] });
      } else {
        const hit = early?.stamp === stamp(request.files, request.cwd, request.tsconfig) ? early.result : undefined;
        early = undefined;
        const answer = await (hit?.catch(() => undefined) ?? Promise.resolve(undefined));
        parentPort!.postMessage({ id: request.id, ...(answer ?? (await check(request.files, request.cwd, request.tsconfig))) });
      }
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
