import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { once } from "node:events";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NativeChecker } from "../../../compiler/typeflow/native.ts";
import { endServer, startServerEarly, withoutEarlyAnswers } from "../../../compiler/typeflow/native-server.ts";
import { root } from "../../support/compile.ts";

/**
 * The native checker's server started before TypeScript's API client loads: the client takes that
 * very process over, the answers it never asked for do not reach it, and a server it cannot take
 * over ends.
 */

/** The native checker servers (`tsc --api`) this process started and that still run (Linux's /proc). */
function servers(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes("--api");
      } catch {
        return false; // it ended while we looked
      }
    })
    .map(Number);
}

async function until<T>(what: () => T, holds: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const value = what();
    if (holds(value)) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("it never happened (20 s)");
}

describe.skipIf(process.platform !== "linux")("a server started early", () => {
  let dir: string;
  let other: string;
  const file = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "sw-server-")));
    other = realpathSync(mkdtempSync(join(tmpdir(), "sw-server-other-")));
    writeFileSync(file("clean.ts"), "export const n: number = 1;\n");
    writeFileSync(file("typed-wrong.ts"), 'export const n: number = "one";\n');
    writeFileSync(file("tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  const files = () => [file("clean.ts"), file("typed-wrong.ts")];
  const started = async () => {
    const checker = await NativeChecker.start(dir, file("tsconfig.json"), { files: files() });
    if (!(checker instanceof NativeChecker)) throw new Error(`the native checker did not start: ${checker.unavailable}`);
    return checker;
  };

  test("runs once starting it has settled, is the one the checker talks to, its verdict right; closing the checker ends it", async () => {
    expect(servers()).toEqual([]);
    // The bin loads the CLI only once it has settled: by then the process runs, with the Go
    // settings it was given in its environment, and this process's environment as it was.
    const before = { ...process.env };
    await startServerEarly(dir, file("tsconfig.json"), files(), { GOGC: "off", GOMEMLIMIT: "1GiB" });
    const [early] = servers();
    expect(early).toBeDefined();
    const environment = readFileSync(`/proc/${early}/environ`, "utf8").split("\0");
    expect(environment).toEqual(expect.arrayContaining(["GOGC=off", "GOMEMLIMIT=1GiB", `PATH=${process.env.PATH}`]));
    expect(process.env).toEqual(before);
    const checker = await started();
    try {
      const verdict = await checker.check(files());
      expect([...verdict.withErrors]).toEqual([file("typed-wrong.ts")]);
      expect(servers()).toEqual([early]);
    } finally {
      await checker.close();
    }
    await until(servers, (s) => s.length === 0);
  });

  test("keeps no process alive that ends before taking it over (a usage error, --help)", async () => {
    const module = pathToFileURL(join(root, "compiler/typeflow/native-server.ts")).href;
    const script = [
      `import { startServerEarly } from ${JSON.stringify(module)};`,
      `startServerEarly(${JSON.stringify(dir)}, ${JSON.stringify(file("tsconfig.json"))}, []);`,
      // Long enough for the server to have started; then nothing is left to do.
      'setTimeout(() => console.log("done"), 500);',
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      timeout: 60_000,
    });
    expect(stdout).toBe("done\n");
  }, 90_000);

  test("closing the checker while it restates starts no server anew: what is still being asked fails", async () => {
    const checker = await started();
    await checker.check(files());
    const restating = checker.restate([file("typed-wrong.ts")]).catch(() => undefined);
    await checker.close();
    await restating;
    await until(servers, (s) => s.length === 0);
  }, 60_000);

  test("for another folder is not taken over: it ends, and the checker starts one of its own", async () => {
    startServerEarly(other, file("tsconfig.json"), files());
    const [early] = await until(servers, (s) => s.length === 1);
    const checker = await started();
    try {
      const verdict = await checker.check(files());
      expect([...verdict.withErrors]).toEqual([file("typed-wrong.ts")]);
      const [own] = await until(servers, (s) => s.length === 1 && s[0] !== early);
      expect(own).not.toBe(early);
    } finally {
      await checker.close();
    }
    await until(servers, (s) => s.length === 0);
  });
});

describe("ending the server", () => {
  test("a request the client writes after the server's input has ended fails quietly, and no server starts anew", async () => {
    const server = spawn(process.execPath, ["-e", "process.stdin.resume()"], { stdio: ["pipe", "pipe", "inherit"] });
    await once(server, "spawn");
    let connects = 0;
    // As TypeScript's client is when a request was queued before the close: it writes it after ending the input.
    const client = {
      process: server,
      connect: async () => void connects++,
      close: async () => {
        server.stdin.end();
        server.stdin.write("Content-Length: 2\r\n\r\n{}");
      },
    };
    const exited = once(server, "exit");
    await endServer(client);
    await expect(client.connect()).rejects.toThrow("the native checker is closed");
    expect(connects).toBe(0);
    // Its input ended, the server ends on its own.
    await exited;
  }, 60_000);
});

/** A JSON-RPC message in the API's framing. */
const framed = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe("the server's output as the client reads it", () => {
  test("loses exactly the two early answers, wherever they fall and however the output is cut", async () => {
    const answer = fc.record({
      id: fc.nat(),
      // A text that names an early id must not make an answer look like one.
      result: fc.oneof(fc.string({ unit: "grapheme" }), fc.constant('"id":"stepwright-early-0"')),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { maxLength: 6 }),
        fc.nat(6),
        fc.nat(6),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
        async (answers, first, second, cuts) => {
          const client = answers.map((a) => framed(JSON.stringify({ jsonrpc: "2.0", ...a })));
          const all = [...client];
          all.splice(Math.min(first, all.length), 0, framed('{"jsonrpc":"2.0","id":"stepwright-early-0","result":{}}'));
          all.splice(Math.min(second, all.length), 0, framed('{"jsonrpc":"2.0","id":"stepwright-early-1","result":{"snapshot":1}}'));
          const bytes = Buffer.from(all.join(""));
          const chunks: Buffer[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) chunks.push(bytes.subarray(at, (at += cuts[i % cuts.length]!)));
          const read: Buffer[] = [];
          for await (const chunk of Readable.from(chunks).pipe(withoutEarlyAnswers())) read.push(chunk as Buffer);
          expect(Buffer.concat(read).toString()).toBe(client.join(""));
        },
      ),
    );
  });
});
