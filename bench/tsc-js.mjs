// The floor for a compiler built on TypeScript's JS API: the same check `tsc --noEmit` does, with
// the TypeScript that ts-morph bundles (the native `tsc` 7 has no JS API to build on). It runs on a
// thread with the stack Stepwright's checker gets: the JS binder recurses once per chained call.
import { isMainThread, Worker, workerData } from "node:worker_threads";

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), { workerData: process.argv[2], resourceLimits: { stackSizeMb: 512 } });
  worker.on("error", (error) => {
    console.error(error);
    process.exitCode = 2;
  });
} else {
  // Through ts-morph's Project, as Stepwright does: it supplies the standard library declarations.
  const { Project } = await import("ts-morph");
  const diagnostics = new Project({ tsConfigFilePath: workerData }).getPreEmitDiagnostics();
  if (diagnostics.length > 0) console.error(`${diagnostics.length} diagnostics`);
}
