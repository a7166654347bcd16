import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest's global setup: every temporary folder of one `npm test` run (the tests' projects and
 * Terraform modules, the packed package and its consumer, Node's compile cache of the CLIs the
 * tests start) goes under one folder, removed when the run ends. Without it each run left some
 * 700 folders, about 200 MB, in the machine's temp folder.
 */
export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), "stepwright-test-"));
  // Read by os.tmpdir() in the test workers and in every process they start, which inherit it.
  for (const name of ["TMPDIR", "TMP", "TEMP"]) process.env[name] = run;
  return () => rmSync(run, { recursive: true, force: true });
}
