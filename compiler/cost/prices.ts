/** What Step Functions charges, as data: the defaults below, overridden in stepwright.config.ts (`cost.prices`). */
export interface PriceTable {
  readonly region: string;
  /** Where and when the prices were read. */
  readonly source: string;
  /** Standard: USD per state transition (retries included). */
  readonly standardPerTransition: number;
  /** Express: USD per request (each execution started). */
  readonly expressPerRequest: number;
  /** Express: USD per GB-second of duration (memory billed in 64 MB chunks, time rounded up to 100 ms). */
  readonly expressPerGbSecond: number;
}

/**
 * US East (N. Virginia), as aws.amazon.com/step-functions/pricing lists them (read 2026-11-25):
 * $0.025 per 1,000 state transitions; Express $1.00 per million requests and $0.00001667 per
 * GB-second (the first tier, to 1,000 hours a month). The free tier (4,000 transitions a month) is
 * left out: it is per account, not per workflow.
 */
export const defaultPrices: PriceTable = {
  region: "us-east-1",
  source: "aws.amazon.com/step-functions/pricing, read 2026-11-25",
  standardPerTransition: 0.025 / 1000,
  expressPerRequest: 1 / 1_000_000,
  expressPerGbSecond: 0.00001667,
};

/** What an Express execution is assumed to use: how long it runs and how much memory it holds. */
export interface ExpressAssumption {
  readonly durationSeconds: number;
  readonly memoryMb: number;
}

export const defaultExpressAssumption: ExpressAssumption = { durationSeconds: 1, memoryMb: 64 };

export function standardCost(transitions: number, prices: PriceTable): number {
  return transitions * prices.standardPerTransition;
}

/** One Express execution: a request, and its duration (rounded up to 100 ms) times its memory (in 64 MB chunks). */
export function expressCost(assumed: ExpressAssumption, prices: PriceTable): number {
  const seconds = Math.ceil(assumed.durationSeconds * 10 - 1e-9) / 10;
  const gigabytes = (Math.ceil(assumed.memoryMb / 64) * 64) / 1024;
  return prices.expressPerRequest + seconds * gigabytes * prices.expressPerGbSecond;
}
