import { resolve } from "node:path";
import { writeOutputs } from "../write.js";
import { checkedCompile } from "./checked.js";
import { reportWrite } from "./report-write.js";
import type { Io } from "./io.js";
import type { CommonOptions } from "./settings.js";

/** Where `graph` draws when neither --out nor the config says: beside the build, in its own folder. */
export const defaultGraphOut = "diagrams";

/** `stepwright graph`: `<name>.mmd` and `<name>.svg` per workflow. */
export async function graphCommand(files: string[], opts: CommonOptions & { out?: string }, io: Io): Promise<number> {
  // Diagrams show names, not ARNs: what a check needs is enough.
  const checked = await checkedCompile(files, opts, io, { diagrams: true });
  if (!checked) return 1;
  const { result, config } = checked;
  const out = opts.out ?? config.diagrams ?? defaultGraphOut;
  const drawings = Object.fromEntries(Object.entries(result.files).filter(([name]) => /\.(mmd|svg)$/.test(name)));
  const written = writeOutputs(resolve(io.cwd, out), drawings, { keep: result.workflows.map((w) => w.file) });
  if (!opts.json) {
    io.err(`drew ${result.workflows.length} workflow(s): ${written.written.length} file(s) in ${out}\n`);
    reportWrite(written, out, io);
  }
  return 0;
}
