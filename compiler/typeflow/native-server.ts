/**
 * The native checker's server: TypeScript 7's binary in API mode, which TypeScript's API client
 * starts and talks to over its standard streams. A one-off compile can start it before the API
 * client has loaded (some 50 ms of the CLI's start on this project's machine) and send it its first
 * requests, so it reads the project meanwhile; the API client then takes that process over
 * (`connectServer`) instead of starting one of its own. Ending it is here too (`endServer`).
 */
import childProcess, { type ChildProcess } from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import type { Socket } from "node:net";
import { Transform, type TransformCallback } from "node:stream";

/** TypeScript's API client's connection to its server: not part of the API's types (typescript/dist/api/async/client.js). */
export interface ApiClient {
  /** The server's process, once connected. */
  readonly process?: ChildProcess;
  connect(): Promise<void>;
  /** Ends the connection and the server's input, on which the server ends. */
  close(): Promise<void>;
}

/**
 * The native checker's binary, found as the typescript package finds it. Named to the API rather
 * than left to it: the published CLI carries the API's client in its bundle, away from the
 * package it came from.
 */
export async function packagedBinary(): Promise<string> {
  const finder = new URL("lib/getExePath.js", import.meta.resolve("typescript/package.json")).href;
  const { default: exePath } = (await import(finder)) as { default: () => string };
  return exePath();
}

/** The arguments TypeScript's API client starts its server with (typescript/dist/api/async/client.js). */
function serverArguments(cwd: string): string[] {
  return ["--api", "--async", "--cwd", cwd];
}

/** Ids of the requests sent before the API client takes over: strings, where the client numbers its own. */
const earlyId = "stepwright-early-";

/** A request in the framing of the API's JSON-RPC (a Content-Length header, then the JSON). */
function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: "2.0", ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

interface EarlyServer {
  readonly binary: string;
  readonly arguments: readonly string[];
  readonly process: ChildProcess;
  /** What the process said when it started or failed to, for a listener the client adds later. */
  started?: { readonly event: "spawn" } | { readonly event: "error"; readonly error: Error };
}

let early: Promise<EarlyServer | undefined> | undefined;

/**
 * Starts the server for the tsconfig's project and `files` now, and asks it what the API client
 * will ask first (initialize; a snapshot opening the project and the files). The client asks
 * again when it takes the process over, and the server, which has read the project meanwhile,
 * answers at once; the early answers are never passed on. A process that fails to start fails
 * the client's start as its own would, with the same error. Settles once the process is started.
 * `env`: what the process gets besides this one's environment (the Go runtime's settings).
 */
export function startServerEarly(
  cwd: string,
  tsconfig: string,
  files: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<unknown> {
  early = packagedBinary().then(
    (binary) => {
      const args = serverArguments(cwd);
      const child = childProcess.spawn(binary, args, { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ...env } });
      const server: EarlyServer = { binary, arguments: args, process: child };
      child.once("spawn", () => (server.started ??= { event: "spawn" }));
      child.once("error", (error) => (server.started ??= { event: "error", error }));
      child.stdin!.on("error", () => {}); // a server that ended: the client finds out
      // Until the client takes it over, it keeps no CLI alive that ends before (a usage error, --help).
      for (const handle of [child, child.stdin as Socket, child.stdout as Socket]) handle.unref();
      child.stdin!.write(frame({ id: `${earlyId}0`, method: "initialize", params: null }));
      child.stdin!.write(frame({ id: `${earlyId}1`, method: "updateSnapshot", params: { openProjects: [tsconfig], openFiles: files } }));
      return server;
    },
    () => undefined,
  );
  return early;
}

/**
 * Connects TypeScript's API client (`api.client`): to the server started early when it was
 * started with the binary and arguments the client uses, else to one the client starts. The
 * client starts its server by `spawn` from `node:child_process`, which it imports as it connects:
 * for that moment, `spawn` hands it the early process (Node's syncBuiltinESMExports carries the
 * change to ES module imports); any other call goes to Node's own. Whether it took the early one.
 */
export async function connectServer(client: Pick<ApiClient, "connect">): Promise<boolean> {
  const server = await early;
  early = undefined;
  if (!server) {
    await client.connect();
    return false;
  }
  const spawn = childProcess.spawn;
  let adopted = false;
  childProcess.spawn = ((binary: string, args: readonly string[], options: object) => {
    if (adopted || binary !== server.binary || args.join("\0") !== server.arguments.join("\0")) return spawn(binary, args, options);
    adopted = true;
    return takenOver(server);
  }) as typeof spawn;
  syncBuiltinESMExports();
  try {
    await client.connect();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
    if (!adopted) server.process.stdin!.end(); // the server ends when its input does
  }
  return adopted;
}

/**
 * The early process as the client sees it: its output without the answers to the early requests,
 * its `spawn` or `error` event (which may have passed) told to a listener the client adds now,
 * and the process and its pipes keeping the CLI alive again, as the client's own would.
 */
function takenOver(server: EarlyServer): ChildProcess {
  const { process: child } = server;
  for (const handle of [child, child.stdin as Socket, child.stdout as Socket]) handle.ref();
  const stdout = child.stdout!.pipe(withoutEarlyAnswers());
  return new Proxy(child, {
    get(target, key) {
      if (key === "stdout") return stdout;
      if (key === "once") {
        return (event: string, listener: (error?: Error) => void) => {
          const passed = server.started?.event === event ? server.started : undefined;
          if (passed) process.nextTick(() => listener("error" in passed ? passed.error : undefined));
          else target.once(event, listener);
          return target;
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The server's output, framed messages in order, less the answers to the two early requests; once
 * both have passed, the rest flows through untouched.
 */
export function withoutEarlyAnswers(): Transform {
  let held: Buffer = Buffer.alloc(0);
  let left = 2;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (left === 0) return done(null, chunk);
      held = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
      for (;;) {
        const end = held.indexOf("\r\n\r\n");
        if (end < 0) break;
        const length = Number(/Content-Length:\s*(\d+)/i.exec(held.subarray(0, end).toString("latin1"))?.[1]);
        const size = end + 4 + length;
        if (Number.isNaN(length) || held.length < size) break;
        if (isEarlyAnswer(held.subarray(end + 4, size))) left--;
        else this.push(held.subarray(0, size));
        held = held.subarray(size);
        if (left === 0) {
          if (held.length > 0) this.push(held);
          held = Buffer.alloc(0);
          break;
        }
      }
      done();
    },
  });
}

/** Whether a message answers an early request: only those are parsed here, found by their id's text first. */
function isEarlyAnswer(body: Buffer): boolean {
  if (!body.includes(`"${earlyId}`)) return false;
  const { id } = JSON.parse(body.toString("utf8")) as { id?: unknown };
  return typeof id === "string" && id.startsWith(earlyId);
}

/**
 * Ends the client's server without waiting for it: the server ends when its input does, and the
 * CLI need not wait for that (some 5 ms, the server freeing its memory), so its ends of the pipes
 * go now. A question still on its way (a restating the CLI no longer waits for) fails: a request
 * written after the input has ended is an error on that stream, not a crash, and the client starts
 * no new server for it, which nothing would close.
 */
export async function endServer(client: ApiClient): Promise<void> {
  const server = client.process;
  server?.stdin?.on("error", () => {});
  client.connect = () => Promise.reject(new Error("the native checker is closed"));
  await client.close();
  for (const stream of server?.stdio ?? []) stream?.destroy();
  server?.unref();
}
