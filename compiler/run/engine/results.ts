import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Execution, Frame, State } from "./execution.js";
import { built, requestTemplate } from "./fields.js";
import type { ChildExecution } from "./states.js";

/** A child execution as AWS records it (Transformation NONE): its metadata, and its input and output as JSON text. */
function record(child: ChildExecution, mapRunArn: string): Record<string, unknown> {
  return {
    ExecutionArn: `${mapRunArn.replace(":mapRun:", ":express:")}:${child.name}`,
    Input: JSON.stringify(child.input),
    InputDetails: { Included: true },
    Name: child.name,
    ...(child.status === "SUCCEEDED"
      ? { Output: JSON.stringify(child.output), OutputDetails: { Included: true } }
      : { Error: child.error!.error, Cause: child.error!.cause }),
    RedriveCount: 0,
    RedriveStatus: "NOT_REDRIVABLE",
    RedriveStatusReason: `Execution is ${child.status} and cannot be redriven`,
    StartDate: "1970-01-01T00:00:00.000Z",
    StateMachineArn: mapRunArn.replace(/:mapRun:([^/]+)\/.*$/, ":stateMachine:$1"),
    Status: child.status,
    StopDate: "1970-01-01T00:00:00.000Z",
  };
}

/**
 * What a Distributed Map gives (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html):
 * with no ResultWriter, its children's outputs (COMPACT); with only a WriterConfig, the outputs
 * transformed (NONE: each child's record; FLATTEN: arrays flattened; a failed child stays a
 * record); with a Resource and Parameters, the results written as
 * `<Prefix>/<map run id>/manifest.json` and `SUCCEEDED_0.json`, `FAILED_0.json`, `PENDING_0.json`
 * (JSON Lines where OutputType says so), and the Map's result says where.
 */
export async function writeResults(
  run: Execution,
  name: string,
  state: State,
  children: readonly ChildExecution[],
  mapRun: number,
  raw: unknown,
  effective: unknown,
  frame: Frame,
): Promise<unknown> {
  const execution = frame.context.Execution as { Name: string };
  const machine = (frame.context.StateMachine as { Name: string }).Name;
  const label = typeof state.Label === "string" ? state.Label : name;
  const mapRunId = `${execution.Name}-${mapRun}`;
  const mapRunArn = `arn:${run.partition}:states:${run.options.region}:${run.options.account}:mapRun:${machine}/${label}:${mapRunId}`;
  const writer = state.ResultWriter as
    | {
        Resource?: string;
        Parameters?: Record<string, unknown>;
        Arguments?: unknown;
        WriterConfig?: { Transformation?: string; OutputType?: string };
      }
    | undefined;
  const transformation = writer?.WriterConfig?.Transformation ?? (writer?.Resource ? "NONE" : "COMPACT");
  const entry = (child: ChildExecution) =>
    transformation === "NONE" || child.status === "FAILED" ? record(child, mapRunArn) : child.output;
  const shaped = (list: readonly ChildExecution[]) => {
    const entries = list.map(entry);
    return transformation === "FLATTEN"
      ? entries.flatMap((e, i) => (list[i]!.status === "SUCCEEDED" && Array.isArray(e) ? e : [e]))
      : entries;
  };
  if (!writer?.Resource) return shaped(children);
  const parameters = (await built(
    run,
    name,
    frame,
    raw,
    effective,
    requestTemplate(frame, writer) ?? {},
    "ResultWriter Arguments",
  )) as Record<string, unknown>;
  const bucket = String(parameters.Bucket ?? "");
  const given = String(parameters.Prefix ?? "");
  const prefix = given === "" || given.endsWith("/") ? given : `${given}/`;
  const lines = writer.WriterConfig?.OutputType === "JSONL";
  const text = (entries: readonly unknown[]) => (lines ? entries.map((e) => `${JSON.stringify(e)}\n`).join("") : JSON.stringify(entries));
  const extension = lines ? "jsonl" : "json";
  const files: Record<string, string> = {
    [`SUCCEEDED_0.${extension}`]: text(shaped(children.filter((c) => c.status === "SUCCEEDED"))),
    [`FAILED_0.${extension}`]: text(children.filter((c) => c.status === "FAILED").map((c) => record(c, mapRunArn))),
    [`PENDING_0.${extension}`]: text([]),
  };
  const base = `${prefix}${mapRunId}`;
  const resultFiles = (status: string) =>
    Object.entries(files)
      .filter(([file, content]) => file.startsWith(status) && (status !== "PENDING" && status !== "FAILED" ? true : content !== text([])))
      .map(([file, content]) => ({ Key: `${base}/${file}`, Size: Buffer.byteLength(content) }));
  const manifest = {
    DestinationBucket: bucket,
    MapRunArn: mapRunArn,
    ResultFiles: { FAILED: resultFiles("FAILED"), PENDING: [], SUCCEEDED: resultFiles("SUCCEEDED") },
  };
  const all = { ...files, "manifest.json": JSON.stringify(manifest) };
  for (const [file, content] of Object.entries(all)) {
    const key = `${base}/${file}`;
    run.options.written?.set(`s3://${bucket}/${key}`, content);
    if (run.options.resultsDir) {
      const target = join(run.options.resultsDir, bucket, ...key.split("/"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: `${base}/manifest.json` } };
}
