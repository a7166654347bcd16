// Entry of the thread that evaluates the user's workflow modules, apart from the CLI: whatever the
// modules do at load time (process.exit, an endless loop, an unhandled rejection) ends or stops this
// thread, never the build.
import module from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { importSibling } from "../runtime/sibling.mjs";

module.enableCompileCache?.();
const { loadWorkflows, readyForRebuilds, warmUp } = await importSibling(import.meta.url, "./load");
// The loader (for the tsconfig the CLI expects, when it said which) and the DSL load while the CLI
// reads its config; a load request, which names the tsconfig for certain, waits for them.
const warming = warmUp(workerData ?? undefined).catch(() => {});
/**
 * Once what this thread has written to a stream has reached the CLI's thread: a write's callback
 * waits for the CLI to take up what came before it. The CLI may end this thread as soon as a result
 * arrives; what the modules printed while loading must not be lost with it.
 */
const delivered = (stream) => new Promise((resolve) => stream.write("", resolve));
parentPort.on("message", async ({ id, files, cwd, warnEmpty, tsconfig, rebuilds }) => {
  await warming;
  let answer;
  try {
    const result = await loadWorkflows(files, cwd, {
      warnEmpty,
      tsconfig,
      onFile: (file) => parentPort.postMessage({ id, loading: file }),
    });
    answer = { id, result };
  } catch (error) {
    answer = { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  await Promise.all([delivered(process.stdout), delivered(process.stderr)]);
  parentPort.postMessage(answer);
  // A watch session's: while the user edits.
  if (rebuilds) readyForRebuilds();
});
parentPort.postMessage({ ready: true });
