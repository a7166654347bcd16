import type { JsonataExpr } from "../data/jsonata.js";
import type { Ref, RefBase } from "../data/ref.js";
import type { inType, outType, terminalType } from "./chain.js";
import { recordSelector } from "./io.js";
import { newDraft, StepValue } from "./step.js";

/** A Fail state: ends the workflow with an error. Nothing can follow it. */
export class Fail<In> extends StepValue {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: never;
  declare readonly [terminalType]: true;
  readonly terminal = true;
}

type Text<In> = string | JsonataExpr<string> | (($: Ref<In>) => RefBase<string | undefined>);

/**
 * A Fail state. `error` and `cause` are literals, selectors (`ErrorPath`/`CausePath`) or JSONata.
 * @example fail("Rejected", { error: "OrderRejected", cause: $ => $.reason })
 */
export function fail<In = any>(name: string, options: { error?: Text<In>; cause?: Text<In> } = {}): Fail<In> {
  const fields: Record<string, unknown> = {};
  for (const key of ["error", "cause"] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value === "function") fields[`${key}Path`] = recordSelector(value as never);
    else fields[key] = value;
  }
  return new Fail(newDraft("Fail", name, fields));
}
