import { z } from "zod";

/** `stepwright.config.ts`: defaults for the CLI; flags given on the command line win. */
export const configSchema = z.strictObject({
  /** Workflow files to build when none are given (default: the tsconfig's files that export a workflow). */
  files: z.array(z.string().min(1)).optional(),
  /** The tsconfig.json to type-check with (default: the nearest one). */
  tsconfig: z.string().min(1).optional(),
  /** Output directory of `stepwright build`. */
  out: z.string().min(1).optional(),
  /** Output directory of `stepwright graph` (default: diagrams). */
  diagrams: z.string().min(1).optional(),
  /** Region and account for resolving function and state machine names to ARNs. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "an AWS region such as us-east-1").optional(),
  account: z.string().regex(/^\d{12}$/, "a 12-digit AWS account id").optional(),
  terraform: z
    .strictObject({
      /** `jsonencode` (default) writes the definition as HCL; `templatefile` reads the .asl.json beside it. */
      definition: z.enum(["jsonencode", "templatefile"]).optional(),
    })
    .optional(),
});

export type StepwrightConfig = z.input<typeof configSchema>;

/** Types a `stepwright.config.ts` default export. */
export function defineConfig(config: StepwrightConfig): StepwrightConfig {
  return config;
}
