/**
 * A local run never reaches AWS unless asked to (`stepwright run --invoke-aws`): an unmocked Task
 * fails with the state's name, and no connection is ever made. AWS's endpoint is pointed at a
 * server on this machine that counts connections; the control run shows the engine would use it.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lambda, task, workflow } from "stepwright";
import { testWorkflow } from "stepwright/testing";
import { runLocally } from "../../../compiler/run/local.ts";
import { root } from "../../support/compile.ts";
import { aslOf } from "../../support/oracles.ts";

let server: Server;
let connections = 0;
const fakeAws: Record<string, string> = {};
const charge = workflow("charge", { definition: task("Charge", lambda("arn:aws:lambda:us-east-1:123456789012:function:charge")) });

beforeAll(async () => {
  server = createServer((_, response) => response.writeHead(500).end());
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  Object.assign(fakeAws, {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_REGION: "us-east-1",
    AWS_MAX_ATTEMPTS: "1",
  });
  Object.assign(process.env, fakeAws);
});
afterAll(() => {
  for (const key of Object.keys(fakeAws)) delete process.env[key];
  server.close();
});

describe("local runs and AWS", () => {
  test("control: a Task allowed to call AWS does reach the (fake) AWS endpoint", async () => {
    const before = connections;
    await runLocally(aslOf(charge), {}, { callAws: new Set(["Charge"]) });
    expect(connections).toBeGreaterThan(before);
  });

  test("runLocally: an unmocked Task fails with Stepwright.NoMock naming it, and nothing connects", async () => {
    const before = connections;
    const run = await runLocally(aslOf(charge), {});
    expect(run.error).toEqual({ error: "Stepwright.NoMock", cause: 'Task "Charge" has no mock, and a local run never calls AWS' });
    expect(connections).toBe(before);
  });

  test("testWorkflow: the same, in the test's words", async () => {
    const before = connections;
    const run = await testWorkflow(charge).run({});
    expect(run.error).toEqual({
      error: "Stepwright.NoMock",
      cause: 'Task "Charge" ran, but the test gives it no mock: add .mock("Charge", input => ...)',
    });
    expect(connections).toBe(before);
  });

  test("stepwright run without --invoke-aws: exit 1 naming the state and the flag, and nothing connects", async () => {
    const before = connections;
    const result = await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), "run", "test/fixtures/run/unmocked.ts"], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain(
      `execution failed: Stepwright.NoMock: Task "Charge" has no mock: pass --mock Charge=@handler.ts or Charge='<json>' (or --invoke-aws to call real Lambda functions)`,
    );
    expect(connections).toBe(before);
  }, 240_000);
});
