import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { root } from "./compile.ts";

/** The CLI run as a user runs it (a Node process of its own, no colour, `env` added): its exit code and both streams. */
export async function stepwright(
  args: readonly string[],
  cwd = root,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, "compiler/bin.mjs"), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
