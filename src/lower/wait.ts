import type { AllLowered, Unlowered } from "./common.js";
import type { WaitDraftFields } from "../steps/draft.js";
import type { WaitNode } from "../ir/wait.js";
import type { DraftOf } from "../steps/draft.js";
import { lowerCommon } from "./common.js";
import { type LowerContext, numberOrExpression, selectorJsonata, selectorPath, textOrExpression } from "./context.js";

export function lowerWait(draft: DraftOf<"Wait">, ctx: LowerContext): WaitNode {
  const f = draft.fields;
  const jsonata = ctx.languageOf(draft) === "JSONata";
  return {
    ...lowerCommon(draft, ctx),
    ...(f.seconds !== undefined ? { seconds: numberOrExpression(f.seconds) } : {}),
    ...(f.timestamp !== undefined ? { timestamp: textOrExpression(f.timestamp) } : {}),
    // In JSONata, the *Path forms become expressions in Seconds/Timestamp.
    ...(f.secondsPath !== undefined
      ? jsonata
        ? { seconds: selectorJsonata(f.secondsPath) }
        : { secondsPath: selectorPath(f.secondsPath) }
      : {}),
    ...(f.timestampPath !== undefined
      ? jsonata
        ? { timestamp: selectorJsonata(f.timestampPath) }
        : { timestampPath: selectorPath(f.timestampPath) }
      : {}),
  };
}

/** The Wait draft fields this file lowers (besides lowerCommon's and lowerResult's). */
export type WaitRead = "seconds" | "timestamp" | "secondsPath" | "timestampPath";
/** Every field of a Wait draft is lowered: a new one fails here until its lowering reads it. */
export type WaitLowered = AllLowered<Unlowered<WaitDraftFields, WaitRead>>;
