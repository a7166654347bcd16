import { z } from "zod";
import type { StepwrightConfig } from "../src/config.js";
import { accountPattern, regionPattern } from "./base/aws-names.js";

/** What a config file may say (the DSL's StepwrightConfig, checked at run time). */
export const configSchema = z.strictObject({
  files: z.array(z.string().min(1)).optional(),
  tsconfig: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  types: z.string().min(1).optional(),
  diagrams: z.string().min(1).optional(),
  region: z.string().regex(regionPattern, "an AWS region such as us-east-1").optional(),
  account: z.string().regex(accountPattern, "a 12-digit AWS account id").optional(),
  loadTimeoutSeconds: z.number().positive().max(3600).optional(),
  terraform: z.strictObject({ definition: z.enum(["jsonencode", "templatefile"]).optional() }).optional(),
  cost: z
    .strictObject({
      prices: z
        .strictObject({
          region: z.string().min(1).optional(),
          source: z.string().min(1).optional(),
          standardPerTransition: z.number().nonnegative().optional(),
          expressPerRequest: z.number().nonnegative().optional(),
          expressPerGbSecond: z.number().nonnegative().optional(),
        })
        .optional(),
      express: z
        .strictObject({ durationSeconds: z.number().positive().max(300).optional(), memoryMb: z.number().positive().optional() })
        .optional(),
      assume: z.record(z.string(), z.number().nonnegative()).optional(),
    })
    .optional(),
}) satisfies z.ZodType<StepwrightConfig>;
// Every option the DSL declares has its check here (and, above, every check fits the DSL's type).
configSchema.shape satisfies Record<keyof StepwrightConfig, unknown>;
