import type { StepwrightConfig } from "../../src/config.js";
import { loadConfig } from "../config.js";
import { accountPattern, regionPattern } from "../base/aws-names.js";
import { expandGlobs } from "./globs.js";
import { type Io, report, UsageError } from "./io.js";

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
  checkRegionAndAccount(opts);
  const { config, diagnostics } = await loadConfig(io.cwd, opts.config);
  if (report(diagnostics, Boolean(opts.json), io)) return undefined;
  const tsconfig = opts.tsconfig ?? config.tsconfig;
  return {
    config,
    files: await expandGlobs(files.length > 0 ? files : [...(config.files ?? [])], io.cwd),
    ...pick({ region: opts.region ?? config.region, account: opts.account ?? config.account }),
    ...(tsconfig ? { tsconfig } : {}),
  };
}

/** Only the region and account that are set. */
export function pick(opts: { region?: string | undefined; account?: string | undefined }): { region?: string; account?: string } {
  return { ...(opts.region ? { region: opts.region } : {}), ...(opts.account ? { account: opts.account } : {}) };
}

/** --region and --account end up in ARNs and the trust policy: anything but a region and an account id is a usage error. */
export function checkRegionAndAccount(opts: { region?: string | undefined; account?: string | undefined }): void {
  if (opts.region !== undefined && !regionPattern.test(opts.region))
    throw new UsageError(`--region ${JSON.stringify(opts.region)} is not an AWS region (such as us-east-1)`);
  if (opts.account !== undefined && !accountPattern.test(opts.account))
    throw new UsageError(`--account ${JSON.stringify(opts.account)} is not a 12-digit AWS account id`);
}
