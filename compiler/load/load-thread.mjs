// Entry of the thread that evaluates the user's workflow modules, apart from the CLI: whatever the
// modules do at load time (process.exit, an endless loop, an unhandled rejection) ends or stops this
// thread, never the build.
import module from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { importSibling } from "../runtime/sibling.mjs";

module.enableCompileCache?.();
const { loadWorkflows, warmUp } = await importSibling(import.meta.url, "./load");
// The loader (for the tsconfig the CLI expects, when it said which) and the DSL load while the CLI
// reads its config; a load request, which names the tsconfig for certain, waits for them.
const warming = warmUp(workerData ?? undefined).catch(() => {});
parentPort.on("message", async ({ id, files, cwd, warnEmpty, tsconfig }) => {
  await warming;
  try {
    const result = await loadWorkflows(files, cwd, {
      warnEmpty,
      tsconfig,
      onFile: (file) => parentPort.postMessage({ id, loading: file }),
    });
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
