// Entry of the thread that evaluates the user's workflow modules, apart from the CLI: whatever the
// modules do at load time (process.exit, an endless loop, an unhandled rejection) ends or stops this
// thread, never the build. Published, load.js is compiled beside it; in this repository the
// TypeScript sources load through tsx, as in the main thread.
import { existsSync } from "node:fs";
import module from "node:module";
import { parentPort } from "node:worker_threads";

module.enableCompileCache?.();
const compiled = existsSync(new URL("./load.js", import.meta.url));
if (!compiled) {
  const { register } = await import("tsx/esm/api");
  register();
  globalThis[Symbol.for("stepwright.tsx")] = true;
}
const { loadWorkflows } = await import(compiled ? "./load.js" : "./load.ts");
parentPort.on("message", async ({ id, files, cwd, warnEmpty }) => {
  try {
    const result = await loadWorkflows(files, cwd, { warnEmpty, onFile: (file) => parentPort.postMessage({ id, loading: file }) });
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
