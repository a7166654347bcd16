import type { StepwrightConfig } from "../../src/config.js";
import { type CostEstimate, estimateCost } from "../cost/estimate.js";
import { formulaText } from "../cost/formula.js";
import { defaultExpressAssumption, defaultPrices, type ExpressAssumption, type PriceTable, standardCost } from "../cost/prices.js";
import { loadConfig } from "../config.js";
import type { RunTrail } from "../emit/diagram/run.js";
import { checkedCompile } from "./checked.js";
import { type Io, UsageError } from "./io.js";
import type { CommonOptions } from "./settings.js";

export interface CostOptions extends CommonOptions {
  assume: string[];
  markdown?: boolean;
}

/** The prices and the Express assumption: the defaults, with the config's overrides. */
export function pricingOf(config: StepwrightConfig): { prices: PriceTable; express: ExpressAssumption } {
  return { prices: { ...defaultPrices, ...config.cost?.prices }, express: { ...defaultExpressAssumption, ...config.cost?.express } };
}

/** `--assume items(ShipEach)=100`: the counts the formulas are evaluated at. */
function assumed(values: readonly string[]): Record<string, number> {
  return Object.fromEntries(
    values.map((value) => {
      const match = /^(.+)=(\d+(?:\.\d+)?)$/.exec(value);
      if (!match) throw new UsageError(`--assume takes name=count, such as items(ShipEach)=100 (got ${JSON.stringify(value)})`);
      return [match[1]!, Number(match[2])];
    }),
  );
}

/** `5`, or `3 to 6` where the cheapest and the dearest path differ. */
const transitionsText = (e: CostEstimate) =>
  formulaText(e.min) === formulaText(e.max) ? formulaText(e.max) : `${formulaText(e.min)} to ${formulaText(e.max)}`;

const usd = (amount: number) => `$${amount >= 0.01 ? amount.toFixed(2) : amount.toPrecision(3)}`;

/** One workflow's estimate, as lines a person reads. */
export function costLines(e: CostEstimate, express: ExpressAssumption): string[] {
  const counts = Object.entries(e.counts);
  const at = counts.length > 0 ? ` at ${counts.map(([k, v]) => `${k}=${v}`).join(", ")}` : "";
  return [
    `${e.workflow} (${e.type})`,
    `  transitions per execution: ${transitionsText(e)}${formulaText(e.retries) === "0" ? "" : `; retries add up to ${formulaText(e.retries)}`}`,
    `  ${e.transitions} on the dearest path${at}${e.transitionsWithRetries > e.transitions ? ` (${e.transitionsWithRetries} with every retry)` : ""}`,
    `  Standard: ${usd(e.standard)} per execution, ${usd(e.standard * 1e6)} per million${e.standardWithRetries > e.standard ? ` (${usd(e.standardWithRetries * 1e6)} with every retry)` : ""}`,
    `  Express (${express.durationSeconds} s, ${express.memoryMb} MB): ${usd(e.express)} per execution, ${usd(e.express * 1e6)} per million${e.expressBlockers.length > 0 ? `; cannot run as Express: ${e.expressBlockers.map((b) => b.text).join("; ")}` : ""}`,
    ...(e.recommendation ? [`  → ${e.recommendation}`] : []),
  ];
}

/**
 * `stepwright run --cost`: this run's transitions (each state entered, each retry, Map and Parallel
 * children included) priced as a Standard execution.
 */
export async function runCostLine(trail: RunTrail, io: Io): Promise<string> {
  const { config } = await loadConfig(io.cwd);
  const { prices } = pricingOf(config);
  const transitions = trail.path.length + trail.retried.length;
  const cost = standardCost(transitions, prices);
  return `this run: ${transitions} state transitions (${trail.path.length} states entered, ${trail.retried.length} retries): ${usd(cost)} as a Standard execution, ${usd(cost * 1e6)} per million (${prices.region})`;
}

/** The estimates as one Markdown table, for a README or a pull request. */
export function costTable(
  estimates: readonly CostEstimate[],
  { prices, express }: { prices: PriceTable; express: ExpressAssumption },
): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = estimates.map((e) => {
    const counts = Object.entries(e.counts).map(([k, v]) => `${k}=${v}`);
    const note =
      e.expressBlockers.length > 0
        ? `not Express: ${e.expressBlockers.map((b) => b.short).join(", ")}`
        : e.recommendation
          ? `${e.otherType}: ${e.otherTypeRatio.toFixed(1)}× less`
          : "";
    return [
      e.workflow,
      e.type,
      transitionsText(e) + (formulaText(e.retries) === "0" ? "" : `, retries up to ${formulaText(e.retries)}`),
      `${usd(e.standard * 1e6)}${counts.length > 0 ? ` at ${counts.join(", ")}` : ""}`,
      usd(e.express * 1e6),
      note,
    ].map(cell);
  });
  return [
    `| workflow | type | state transitions per execution | Standard, per million executions | Express (${express.durationSeconds} s, ${express.memoryMb} MB), per million | |`,
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    `Prices: ${prices.region}, ${prices.source}.`,
    "",
  ].join("\n");
}

/** `stepwright cost`: state transitions per execution of each workflow, and what they cost. */
export async function costCommand(files: string[], opts: CostOptions, io: Io): Promise<number> {
  const counts = assumed(opts.assume);
  const checked = await checkedCompile(files, opts, io);
  if (!checked) return 1;
  const { result, config } = checked;
  const pricing = pricingOf(config);
  const estimates = result.workflows.map((w) => estimateCost(w.ir, { ...pricing, counts: { ...config.cost?.assume, ...counts } }));
  if (opts.json) {
    for (const e of estimates)
      io.out(`${JSON.stringify({ ...e, min: formulaText(e.min), max: formulaText(e.max), retries: formulaText(e.retries) })}\n`);
    return 0;
  }
  if (opts.markdown) {
    io.out(costTable(estimates, pricing));
    return 0;
  }
  const blocks = estimates.map((e) => costLines(e, pricing.express).join("\n"));
  io.out(`${[...blocks, `prices: ${pricing.prices.region}, ${pricing.prices.source}`].join("\n\n")}\n`);
  return 0;
}
