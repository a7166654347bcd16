import type { StepwrightConfig } from "../../src/config.js";
import { loadConfig } from "../config.js";
import { type Io, report } from "./io.js";

/** The options every compiling command takes. */
export interface CommonOptions {
  region?: string;
  account?: string;
  tsconfig?: string;
  config?: string;
  json?: boolean;
  verbose?: boolean;
}

/** The settings a command compiles with: command-line flags win over the config file. */
export interface Settings {
  readonly config: StepwrightConfig;
  readonly files: string[];
  readonly region?: string;
  readonly account?: string;
  readonly tsconfig?: string;
}

/** Reads the config and merges the flags into it; undefined (after reporting) when the config is wrong. */
export async function settingsFor(files: string[], opts: CommonOptions, io: Io): Promise<Settings | undefined> {
  const { config, diagnostics } = await loadConfig(io.cwd, opts.config);
  if (report(diagnostics, Boolean(opts.json), io)) return undefined;
  const tsconfig = opts.tsconfig ?? config.tsconfig;
  return {
    config,
    files: files.length > 0 ? files : [...(config.files ?? [])],
    ...pick({ region: opts.region ?? config.region, account: opts.account ?? config.account }),
    ...(tsconfig ? { tsconfig } : {}),
  };
}

/** Only the region and account that are set. */
export function pick(opts: { region?: string | undefined; account?: string | undefined }): { region?: string; account?: string } {
  return { ...(opts.region ? { region: opts.region } : {}), ...(opts.account ? { account: opts.account } : {}) };
}
