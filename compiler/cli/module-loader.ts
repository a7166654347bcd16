import type { StepwrightConfig } from "../../src/config.js";
import { ModuleLoader } from "../load/module-loader.js";
import type { Io } from "./io.js";

/**
 * The thread a command evaluates the workflow modules on: the config's timeout, when it sets one;
 * under --verbose, one line saying what loads them (type stripping by oxc-transform or by Node, or tsx; and why);
 * for a watch session, readied for rebuilds after each load.
 */
export function moduleLoaderFor(io: Io, config: StepwrightConfig, verbose: boolean | undefined, watch = false): ModuleLoader {
  return new ModuleLoader({
    ...(watch ? { rebuilds: true } : {}),
    ...(config.loadTimeoutSeconds !== undefined ? { timeoutMs: config.loadTimeoutSeconds * 1000 } : {}),
    ...(verbose ? { onNotice: (line: string) => io.err(`stepwright: ${line}\n`) } : {}),
  });
}
