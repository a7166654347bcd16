import type { Io } from "./io.js";
import { checkedCompile } from "./checked.js";
import type { CommonOptions } from "./settings.js";

/** `stepwright check`: type flow and every rule; writes nothing, so needs no region or account. */
export async function checkCommand(files: string[], opts: CommonOptions, io: Io): Promise<number> {
  const checked = await checkedCompile(files, opts, io);
  if (!checked) return 1;
  if (!opts.json) io.err(`${checked.result.workflows.length} workflow(s) checked, no errors\n`);
  return 0;
}
