import type { JsonPath } from "../data/path-string.js";
import type { Ref } from "../data/ref.js";
import type { inType, outType, terminalType } from "./chain.js";
import type { InputAt, Succeeded } from "./flow.js";
import { recordBuild } from "./io.js";
import { newDraft, StepValue } from "./step.js";

/** A Succeed state: ends the workflow (or branch) successfully. Nothing can follow it. */
export class Succeed<In> extends StepValue<"Succeed"> {
  declare readonly [inType]: (input: In) => void;
  /** Ends the execution with its input (InputPath/OutputPath aside). */
  declare readonly [outType]: Succeeded<InputAt<"$">>;
  declare readonly [terminalType]: true;
  readonly terminal = true;

  /**
   * @example succeed<Order>("Done").inputPath("$.customer")
   */
  inputPath(path: JsonPath<In>): this {
    return this.with({ inputPath: path });
  }
  /**
   * Selects the part of the (InputPath-selected) input that is the output.
   * @example succeed("Done").outputPath("$.receipt")
   */
  outputPath(path: `$${string}`): this {
    return this.with({ outputPath: path });
  }
  /**
   * JSONata `Output`: the workflow's (or branch's) output.
   * @example succeed<Order>("Done").output(($) => ({ id: $.orderId }))
   */
  output(build: ($: Ref<In>) => unknown): this {
    return this.with({ output: recordBuild(build) });
  }
}

/** A Succeed state. @example succeed("Done") */
export function succeed<In = any>(name: string): Succeed<In> {
  return new Succeed(newDraft("Succeed", name));
}
