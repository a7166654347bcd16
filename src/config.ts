/** `stepwright.config.ts`: defaults for the CLI; flags given on the command line win. */
export interface StepwrightConfig {
  /** Workflow files to build when none are given (default: the tsconfig's files that export a workflow). */
  readonly files?: readonly string[];
  /** The tsconfig.json to type-check with (default: the nearest one). */
  readonly tsconfig?: string;
  /** Output directory of `stepwright build`. */
  readonly out?: string;
  /** `build` also writes each workflow's types here (`--types`): a folder of its own, replaced whole on each build. */
  readonly types?: string;
  /** Output directory of `stepwright graph` (default: diagrams). */
  readonly diagrams?: string;
  /** The AWS region function and state machine names resolve to ARNs in (e.g. us-east-1). */
  readonly region?: string;
  /** The 12-digit AWS account id function and state machine names resolve to ARNs in. */
  readonly account?: string;
  /** How long one workflow module may take to load before it is stopped (seconds; default 30). */
  readonly loadTimeoutSeconds?: number;
  /** `stepwright cost`: the prices (defaults: us-east-1 as published) and what an Express execution is assumed to use. */
  readonly cost?: {
    readonly prices?: {
      readonly region?: string;
      readonly source?: string;
      readonly standardPerTransition?: number;
      readonly expressPerRequest?: number;
      readonly expressPerGbSecond?: number;
    };
    readonly express?: { readonly durationSeconds?: number; readonly memoryMb?: number };
    /** Counts the formulas assume (`{ "items(ShipEach)": 100 }`); each is 1 unless given here or by --assume. */
    readonly assume?: Readonly<Record<string, number>>;
  };
  readonly terraform?: {
    /** `jsonencode` (default) writes the definition as HCL; `templatefile` reads the .asl.json beside it. */
    readonly definition?: "jsonencode" | "templatefile";
  };
}

/**
 * Types a `stepwright.config.ts` default export.
 * @example
 * export default defineConfig({ region: "eu-west-1", account: "123456789012", out: "build" });
 */
export function defineConfig(config: StepwrightConfig): StepwrightConfig {
  return config;
}
