import type { DraftWrite } from "./draft.js";
import { type Intrinsic, isIntrinsic, renderIntrinsic } from "../data/intrinsic.js";
import type { JsonataExpr } from "../data/jsonata.js";
import { rootRef } from "../data/proxy.js";
import type { Ref, RefBase } from "../data/ref.js";
import { toJsonPath } from "../data/render.js";
import type { inType, outType, terminalType } from "./chain.js";
import { recordSelector } from "./io.js";
import { newDraft, StepValue } from "./step.js";

/** A Fail state: ends the workflow with an error. Nothing can follow it. */
export class Fail<In> extends StepValue<"Fail"> {
  declare readonly [inType]: (input: In) => void;
  declare readonly [outType]: never;
  declare readonly [terminalType]: true;
  readonly terminal = true;
}

/** A literal, a JSONata expression, or where the input holds it: a field, or an intrinsic giving a string (`$ => States.Format("{} failed", $.step)`). */
type Text<In> = string | JsonataExpr<string> | (($: Ref<In>) => RefBase<string | undefined> | Intrinsic<string>);

/**
 * A Fail state. `error` and `cause` are literals, selectors (`ErrorPath`/`CausePath`) or JSONata.
 * @example fail("Rejected", { error: "OrderRejected", cause: $ => $.reason })
 */
export function fail<In = any>(name: string, options: { error?: Text<In>; cause?: Text<In> } = {}): Fail<In> {
  const fields: DraftWrite<"Fail"> = {};
  for (const key of ["error", "cause"] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value === "function") {
      const picked = value(rootRef({ kind: "input" }) as Ref<In>);
      // ErrorPath and CausePath take an intrinsic function too, written as its call.
      fields[`${key}Path`] = isIntrinsic(picked) ? renderIntrinsic(picked, toJsonPath) : recordSelector(() => picked);
    } else fields[key] = value;
  }
  return new Fail(newDraft("Fail", name, fields));
}
