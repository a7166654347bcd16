/**
 * Conformance: each case of conformance-cases.ts (a definition, and the output AWS documents for it,
 * its page named) runs through `testWorkflow` and through `stepwright run`, and both give what AWS
 * documents.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { StepError, testWorkflow, type WorkflowTest } from "stepwright/testing";
import { stepwright } from "../../support/cli.ts";
import { type ConformanceCase, cases } from "./conformance-cases.ts";

const answer = (value: unknown) => () => {
  if (typeof value === "string" && value.startsWith("!")) {
    const [error, cause = ""] = value.slice(1).split(/:(.*)/s);
    throw new StepError(error!, cause);
  }
  return structuredClone(value);
};

function prepared(c: ConformanceCase): WorkflowTest<unknown, unknown> {
  let t = testWorkflow(c.asl as never);
  for (const [state, answers] of Object.entries(c.mocks ?? {})) t = t.mock(state, answer(answers[0]), ...answers.slice(1).map(answer));
  for (const [uri, text] of Object.entries(c.objects ?? {})) t = t.object(uri, text);
  return t;
}

describe("conformance, through testWorkflow", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const run = await prepared(c).run(c.input);
    if (c.error !== undefined) expect(run.error?.error, JSON.stringify(run.error)).toBe(c.error);
    else {
      expect(run.error, `documented at ${c.doc}`).toBeUndefined();
      expect(run.output).toEqual(c.output);
    }
    if (c.variables) expect(run.variables).toEqual(c.variables);
    if (c.written)
      expect(Object.fromEntries([...run.written].map(([uri, text]) => [uri, JSON.parse(text) as unknown]))).toMatchObject(c.written);
  });
});

/** Every file under a folder, by its path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split("\\").join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("conformance, through stepwright run", () => {
  // One CLI run per case, two at a time: each starts a Node process.
  const results = new Map<string, Promise<{ code: number; stdout: string; stderr: string; dir: string }>>();
  const lanes = [Promise.resolve(), Promise.resolve()];
  cases.forEach((c, i) => {
    const lane = i % lanes.length;
    const started = lanes[lane]!.then(async () => {
      const dir = mkdtempSync(join(tmpdir(), "sw-conformance-"));
      writeFileSync(join(dir, "definition.asl.json"), JSON.stringify(c.asl));
      const args = ["run", join(dir, "definition.asl.json"), "--input", JSON.stringify(c.input), "--results", join(dir, "results")];
      for (const [state, answers] of Object.entries(c.mocks ?? {}))
        for (const a of answers) args.push("--mock", `${state}=${typeof a === "string" && a.startsWith("!") ? a : JSON.stringify(a)}`);
      for (const [uri, text] of Object.entries(c.objects ?? {})) {
        const file = join(dir, "objects", uri.replace(/^s3:\/\//, "").replace(/\//g, "_"));
        mkdirSync(join(dir, "objects"), { recursive: true });
        writeFileSync(file, text);
        args.push("--object", `${uri}=@${file}`);
      }
      return { ...(await stepwright(args)), dir };
    });
    lanes[lane] = started.then(() => undefined);
    results.set(c.name, started);
  });

  test.each(cases.map((c) => [c.name, c] as const))(
    "%s",
    async (_, c) => {
      const { code, stdout, stderr, dir } = await results.get(c.name)!;
      if (c.error !== undefined) {
        expect(code, stderr).toBe(1);
        expect(stderr).toContain(`execution failed: ${c.error}:`);
      } else {
        expect(code, stderr).toBe(0);
        expect(JSON.parse(stdout)).toEqual(c.output);
      }
      if (c.written) {
        const written = Object.fromEntries(
          Object.entries(filesUnder(join(dir, "results"))).map(([path, text]) => [`s3://${path}`, JSON.parse(text) as unknown]),
        );
        expect(written).toMatchObject(c.written);
      }
    },
    480_000,
  );
});
