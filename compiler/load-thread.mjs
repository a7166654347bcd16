// Entry of the thread that evaluates the user's workflow modules, apart from the CLI: whatever the
// modules do at load time (process.exit, an endless loop, an unhandled rejection) ends or stops this
// thread, never the build.
import module from "node:module";
import { parentPort } from "node:worker_threads";
import { importSibling } from "./sibling.mjs";

module.enableCompileCache?.();
const { loadWorkflows, warmUp } = await importSibling(import.meta.url, "./load");
// tsx and the DSL load while the CLI reads its config; a load request waits for them.
const warming = warmUp().catch(() => {});
parentPort.on("message", async ({ id, files, cwd, warnEmpty }) => {
  await warming;
  try {
    const result = await loadWorkflows(files, cwd, { warnEmpty, onFile: (file) => parentPort.postMessage({ id, loading: file }) });
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
