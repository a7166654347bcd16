import { statesOf } from "../../src/ir/walk.js";
import type { WorkflowNode } from "../../src/ir/workflow.js";
import { isSync } from "../../src/integrations/descriptor.js";
import { evaluate, type Formula, variables } from "./formula.js";
import { type ExpressAssumption, expressCost, type PriceTable, standardCost } from "./prices.js";
import { graphTransitions } from "./transitions.js";

/** A workflow's cost per execution: its transitions as formulas, evaluated at the counts assumed, priced both ways. */
export interface CostEstimate {
  readonly workflow: string;
  readonly type: WorkflowNode["type"];
  readonly min: Formula;
  readonly max: Formula;
  readonly retries: Formula;
  /** The counts the prices assume (each variable of the formulas; 1 unless given). */
  readonly counts: Readonly<Record<string, number>>;
  /** Transitions of the dearest path at those counts, without and with every retry. */
  readonly transitions: number;
  readonly transitionsWithRetries: number;
  readonly standard: number;
  readonly standardWithRetries: number;
  readonly express: number;
  /** Why the workflow cannot run as Express, if it cannot: a sentence, and a few words for a table. */
  readonly expressBlockers: readonly { readonly text: string; readonly short: string }[];
  /** The other workflow type, and how many times cheaper it would be per execution (below 1: dearer). */
  readonly otherType: WorkflowNode["type"];
  readonly otherTypeRatio: number;
  /** A line saying the other type would be much cheaper, where it would and the workflow fits it. */
  readonly recommendation?: string;
}

/** What keeps a workflow from running as Express: `.sync` and callback Tasks, a timeout over five minutes. */
function expressBlockers(workflow: WorkflowNode): { text: string; short: string }[] {
  const blockers = statesOf(workflow).flatMap(({ state: s }) => {
    if (
      s.kind !== "Task" ||
      s.resource.kind !== "integration" ||
      !(isSync(s.resource.pattern) || s.resource.pattern === "waitForTaskToken")
    )
      return [];
    const pattern = s.resource.pattern === "waitForTaskToken" ? ".waitForTaskToken" : ".sync";
    return [{ text: `"${s.name}" waits for its job (${pattern}), which Express does not allow`, short: `${pattern} in ${s.name}` }];
  });
  const timeout = workflow.timeoutSeconds;
  if (timeout !== undefined && timeout > 300)
    blockers.push({ text: `its timeout (${timeout} s) is over Express's five minutes`, short: `a ${timeout} s timeout` });
  return blockers;
}

/** How much cheaper one type must be before the estimate recommends it. */
const muchCheaper = 2;

export function estimateCost(
  workflow: WorkflowNode,
  options: { prices: PriceTable; express: ExpressAssumption; counts?: Readonly<Record<string, number>> },
): CostEstimate {
  const { min, max, retries } = graphTransitions(workflow);
  const counts = Object.fromEntries(
    [...new Set([...variables(min), ...variables(max), ...variables(retries)])].map((v) => [v, options.counts?.[v] ?? 1]),
  );
  const transitions = evaluate(max, counts);
  const transitionsWithRetries = transitions + evaluate(retries, counts);
  const standard = standardCost(transitions, options.prices);
  const express = expressCost(options.express, options.prices);
  const blockers = expressBlockers(workflow);
  const ratio = workflow.type === "STANDARD" ? standard / express : express / standard;
  const other = workflow.type === "STANDARD" ? "EXPRESS" : "STANDARD";
  const fits = other === "STANDARD" || blockers.length === 0;
  const recommendation =
    ratio >= muchCheaper && fits
      ? `${other} would cost ${ratio.toFixed(1)}× less per execution${other === "EXPRESS" ? ` (if it runs in ${options.express.durationSeconds} s with ${options.express.memoryMb} MB; Express runs at least once, up to five minutes)` : ""}: type: "${other}"`
      : undefined;
  return {
    workflow: workflow.name,
    type: workflow.type,
    min,
    max,
    retries,
    counts,
    transitions,
    transitionsWithRetries,
    standard,
    standardWithRetries: standardCost(transitionsWithRetries, options.prices),
    express,
    expressBlockers: blockers,
    otherType: other,
    otherTypeRatio: ratio,
    ...(recommendation ? { recommendation } : {}),
  };
}
